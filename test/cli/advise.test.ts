/**
 * The headless advise command per contract advise-v1: valid cases give one JSON document on
 * stdout; bad input gives exit 2 and one plain message per problem on stderr, nothing on stdout,
 * never a stack trace.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/index'
import type { CliIo } from '../../src-main/cli/command'
import { adviceResultSchema } from '../../shared/schema/result'

const root = join(import.meta.dirname, '../..')
const casesDir = join(root, 'resources/cases')
const work = mkdtempSync(join(tmpdir(), 'vangnet-cli-'))
const adviserFile = join(root, 'resources/advisers/sample-adviser.json')

async function run(args: string[], env: Record<string, string> = {}) {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, cwd: root }
  const code = await runCli(args, io)
  return { code, stdout, stderr }
}

function writeCase(name: string, content: unknown): string {
  const path = join(work, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

const starter = JSON.parse(readFileSync(join(casesDir, 'starter.json'), 'utf8')) as Record<string, unknown>

describe('vangnet advise: valid input', () => {
  it.each(['starter.json', 'high-earner.json', 'hybrid-worker.json', 'existing-aov.json', 'dga.json'])('%s --json prints one contract document', async (file) => {
    const { code, stdout, stderr } = await run(['advise', join(casesDir, file), '--json'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout.trim().split('\n')).toHaveLength(1)
    const output = JSON.parse(stdout)
    expect(adviceResultSchema.safeParse(output).success).toBe(true)
    expect(output.schemaVersion).toBe(1)
    expect(output.scenario).toBe('raad-van-state-2025')
    expect(output.calculationYear).toBe(2030)
    const ids = output.options.map((option: { id: string }) => option.id)
    expect(ids).toEqual(expect.arrayContaining(['baz', 'opt-out', 'transitional']))
    for (const option of output.options) {
      expect(typeof option.available).toBe('boolean')
      expect(Array.isArray(option.reasons)).toBe(true)
      if (!option.available) expect(option.reasons.length).toBeGreaterThan(0)
      for (const key of ['base', 'rate', 'annual', 'monthly']) expect(typeof option.premium[key]).toBe('number')
      for (const key of ['base', 'annualAtFullDisability', 'annualForIllustration', 'startsAfterDays', 'startAge', 'endAge']) expect(typeof option.benefit[key]).toBe('number')
      for (const year of option.projection) expect(Object.keys(year)).toEqual(expect.arrayContaining(['year', 'age', 'premium', 'netPremium']))
      expect(option.premium.monthly).toBeCloseTo(option.premium.annual / 12, 2)
      // Amounts are rounded to cents.
      expect(Math.round(option.premium.annual * 100) / 100).toBe(option.premium.annual)
    }
    const optOut = output.options.find((option: { id: string }) => option.id === 'opt-out')
    if (optOut.conditions.length) {
      expect(optOut.conditions.map((condition: { id: string }) => condition.id)).toEqual(
        expect.arrayContaining(['threshold', 'waiting-period', 'end-age', 'medical-exclusions', 'benefit-level', 'premium-level']),
      )
    }
  })

  it('the contract example: starter figures', async () => {
    const { stdout } = await run(['advise', join(casesDir, 'starter.json'), '--json'])
    const baz = JSON.parse(stdout).options.find((option: { id: string }) => option.id === 'baz')
    expect(baz.benefit.startsAfterDays).toBe(730)
    expect(baz.projection[0]).toMatchObject({ year: 2030, age: 45 })
    // The AOW year 2051 counts until the AOW date, 17 August 2051 (contract advise-v1).
    expect(baz.projection.at(-1)).toMatchObject({ year: 2051, partYear: { until: '2051-08-17' } })
    expect(baz.premium.annual).toBeCloseTo(baz.premium.rate * baz.premium.base, 1)
  })

  it('--scenario overrides the case and changes the figures', async () => {
    const rvs = JSON.parse((await run(['advise', join(casesDir, 'starter.json'), '--json'])).stdout)
    const mkb = JSON.parse((await run(['advise', join(casesDir, 'starter.json'), '--json', '--scenario', 'mkb-toets-2024'])).stdout)
    expect(mkb.scenario).toBe('mkb-toets-2024')
    expect(mkb.options[0].premium.rate).toBe(0.08)
    expect(mkb.options[0].premium.annual).not.toBe(rvs.options[0].premium.annual)
  })

  it('--explain prints readable Dutch with sources', async () => {
    const { code, stdout } = await run(['advise', join(casesDir, 'starter.json'), '--explain'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/Premie 2030: 5,4\u00a0% × €\u00a0[\d.]+,\d\d \(grondslag, gemaximeerd op 142,86\u00a0% × minimumloon\) = €\u00a0[\d.]+,\d\d — bron: Kamerbrief 15 september 2025/)
  })

  it('without options prints a Dutch summary', async () => {
    const { code, stdout } = await run(['advise', join(casesDir, 'existing-aov.json')])
    expect(code).toBe(0)
    expect(stdout).toContain('Overgangsrecht met de lopende AOV — beschikbaar')
    expect(stdout).toContain('Oververzekering')
  })
})

describe('vangnet advise: bad input', () => {
  const expectBad = async (args: string[], ...messages: (string | RegExp)[]) => {
    const { code, stdout, stderr } = await run(args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).not.toMatch(/\n\s+at |Error:|TypeError|ZodError/)
    for (const message of messages) expect(stderr).toMatch(message)
    return stderr
  }

  it('a missing file', async () => {
    await expectBad(['advise', join(work, 'nope.json'), '--json'], /nope\.json: bestand niet gevonden/)
  })

  it('not JSON', async () => {
    await expectBad(['advise', writeCase('broken.json', '{ "schemaVersion": 1, '), '--json'], /broken\.json: geen geldige JSON/)
  })

  it('one message per problem, naming the field', async () => {
    const bad = {
      ...starter,
      client: { name: '', birthDate: '17-05-1984', role: 'zzp' },
      income: [{ year: 2029, profit: 'veel' }],
      disability: { age: 50, degree: 1.5 },
    }
    const stderr = await expectBad(
      ['advise', writeCase('bad.json', bad), '--json'],
      /^client\.name: mag niet leeg zijn$/m,
      /^client\.birthDate: moet een datum zijn als JJJJ-MM-DD$/m,
      /^client\.role: moet één van deze waarden zijn: "ib-ondernemer"/m,
      /^income\[0\]\.profit: moet een getal zijn$/m,
      /^disability\.degree: moet 1 of minder zijn$/m,
    )
    expect(stderr.trim().split('\n')).toHaveLength(5)
  })

  it('an unknown field, amounts with fractions of cents, duplicate years', async () => {
    await expectBad(
      ['advise', writeCase('odd.json', { ...starter, extra: true, income: [{ year: 2029, profit: 1.234 }, { year: 2029, profit: 5 }] }), '--json'],
      /onbekend veld: extra/,
      /income\[0\]\.profit: mag hoogstens 2 decimalen hebben \(centen\)/,
      /income\[1\]\.year: jaar 2029 staat er meer dan eens in/,
    )
  })

  it('a policy start date of 9999-12-31: exit 2 naming the field, not an internal error', async () => {
    const policy = { ...(starter.privateQuote as Record<string, unknown>), startDate: '9999-12-31' }
    const stderr = await expectBad(['advise', writeCase('far-date.json', { ...starter, existingPolicy: policy }), '--json'], /^existingPolicy\.startDate: moet een datum tussen 1900 en 2100 zijn$/m)
    expect(stderr.trim().split('\n')).toHaveLength(1)
  })

  it('a case nested 2.000 levels deep: exit 2 with a plain message', async () => {
    const deep = `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`
    const text = JSON.stringify({ ...starter, profile: '__DEEP__' }).replace('"__DEEP__"', deep)
    await expectBad(['advise', writeCase('deep.json', text), '--json'], /^\(invoer\): is te diep genest/m)
  })

  it('an array or a number instead of a case', async () => {
    await expectBad(['advise', writeCase('array.json', [1, 2]), '--json'], /\(invoer\): moet een object zijn/)
  })

  it('bad options', async () => {
    await expectBad(['advise', join(casesDir, 'starter.json'), '--scenario', 'wet-2031'], /--scenario: onbekende versie "wet-2031"/)
    await expectBad(['advise', '--json'], /CASE\.json ontbreekt/)
    await expectBad(['advise', join(casesDir, 'starter.json'), '--frobnicate'], /onbekende optie --frobnicate/)
    await expectBad(['advise', join(casesDir, 'starter.json'), '--json', '--explain'], /gaan niet samen/)
  })
})

describe('vangnet advise --pdf', () => {
  it('writes the report next to the JSON output, leaving no temporary file', async () => {
    const target = join(work, 'rapport.pdf')
    const { code, stdout } = await run(['advise', join(casesDir, 'existing-aov.json'), '--json', '--pdf', target])
    expect(code).toBe(0)
    expect(JSON.parse(stdout).schemaVersion).toBe(1)
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-')
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('--sign without a passphrase, or into a missing folder: a plain message and no file', async () => {
    const { code, stderr } = await run(['advise', join(casesDir, 'starter.json'), '--pdf', join(work, 'x.pdf'), '--adviser', adviserFile, '--sign', join(work, 'none.p12')])
    expect(code).toBe(2)
    expect(stderr).toContain('VANGNET_P12_PASSPHRASE ontbreekt')
    const missingFolder = await run(['advise', join(casesDir, 'starter.json'), '--pdf', join(work, 'no/such/folder/x.pdf')])
    expect(missingFolder.code).toBe(2)
    expect(missingFolder.stderr).toContain('kan het rapport niet schrijven')
    expect(readdirSync(work)).not.toContain('x.pdf')
  })

  it('--sign with a file that is no certificate: a plain message in the language asked for, and no file', async () => {
    const args = ['advise', join(casesDir, 'starter.json'), '--pdf', join(work, 'y.pdf'), '--adviser', adviserFile, '--sign', adviserFile]
    const dutch = await run(args, { VANGNET_P12_PASSPHRASE: 'geheim' })
    expect([dutch.code, dutch.stderr]).toEqual([3, `${adviserFile}: Het certificaat kan niet worden geopend: verkeerde wachtwoordzin of geen PKCS#12-bestand.\n`])
    const english = await run([...args, '--lang', 'en'], { VANGNET_P12_PASSPHRASE: 'geheim' })
    expect([english.code, english.stderr]).toEqual([3, `${adviserFile}: the certificate cannot be opened: wrong passphrase or not a PKCS#12 file.\n`])
    expect(readdirSync(work)).not.toContain('y.pdf')
  })
})

describe('the command as a newcomer runs it', () => {
  it('npm run -s vangnet -- --help prints usage and exits 0; a bad case exits 2 with no stack trace', async () => {
    const exec = promisify(execFile)
    const help = await exec('npm', ['run', '-s', 'vangnet', '--', '--help'], { cwd: root })
    expect(help.stdout).toContain('Gebruik: npm run -s vangnet -- <opdracht>')
    expect(help.stdout).toContain('advise')
    const failure = await exec('npm', ['run', '-s', 'vangnet', '--', 'advise', writeCase('cli-bad.json', { schemaVersion: 2 }), '--json'], { cwd: root }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    )
    expect((failure as { code: number }).code).toBe(2)
    expect((failure as { stdout: string }).stdout).toBe('')
    expect((failure as { stderr: string }).stderr).toMatch(/schemaVersion: moet één van deze waarden zijn: 1|schemaVersion/)
    expect((failure as { stderr: string }).stderr).not.toMatch(/\n\s+at /)
  })
})

describe('vangnet advise --lang en: no Dutch rule text', () => {
  // Words of Dutch rule text that English text never needs. Quotations of the Dutch sources
  // ("navenant minder") and the places in them (RADI-2024 vraag 9) are kept as the documents say them.
  const dutchWords = /\b(het|een|niet|wordt|zijn|uitkering|premie|klant|jaar|geen|verzekerd|minimumloon|maanden|dagen|bij|voor|tot|met|van|naar|ligt|peildatum is|rekenjaar|adviseur)\b/i
  const withoutQuotes = (text: string) =>
    text
      .replace(/“[^”]*”/g, '“”')
      .replace(/"[^"]*"/g, '""')
      .replace(/vraag \d+(–\d+)?/g, '')
      .replace(/\b[a-z]+(-[a-z]+)*-\d{4}\b/g, '') // bill version ids such as raad-van-state-2025
  const dutchIn = (texts: string[]) => texts.map(withoutQuotes).filter((text) => dutchWords.test(text))
  /** Every string of the JSON output, except ids, enum values and the source references. */
  function stringsOf(value: unknown, key = ''): string[] {
    if (['sources', 'parameterHash'].includes(key)) return []
    if (typeof value === 'string') return ['id', 'scenario', 'criterion', 'kind', 'switchRule'].includes(key) ? [] : [value]
    if (Array.isArray(value)) return value.flatMap((item) => stringsOf(item))
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, item]) => stringsOf(item, k))
    return []
  }
  const cases = ['starter.json', 'existing-aov.json', 'hybrid-worker.json', 'dga.json', 'high-earner.json']

  it.each(cases)('%s: the summary, --explain and --json in English', async (file) => {
    const text = await run(['advise', join(casesDir, file), '--lang', 'en'])
    expect(text.code).toBe(0)
    expect(dutchIn(text.stdout.split('\n'))).toEqual([])
    const explain = await run(['advise', join(casesDir, file), '--lang', 'en', '--explain'])
    // The sources are named as the Dutch documents are: the part after "— source:" is left out.
    expect(dutchIn(explain.stdout.split('\n').map((line) => line.split(' — source: ')[0]!))).toEqual([])
    const json = await run(['advise', join(casesDir, file), '--lang', 'en', '--json'])
    const output = JSON.parse(json.stdout)
    expect(adviceResultSchema.safeParse(output).success).toBe(true)
    expect(dutchIn(stringsOf(output))).toEqual([])
    // The contract's strings stay strings, now in English.
    for (const option of output.options) for (const reason of option.reasons) expect(typeof reason).toBe('string')
  })

  it('names the sources in English, quoting the place in the Dutch document as it is written', async () => {
    for (const file of cases) {
      const explain = await run(['advise', join(casesDir, file), '--lang', 'en', '--explain'])
      const sourceParts = explain.stdout
        .split('\n')
        .filter((line) => line.includes(' — source: '))
        .map((line) => line.split(' — source: ')[1]!)
      expect(sourceParts.length).toBeGreaterThan(3)
      expect(dutchIn(sourceParts)).toEqual([])
      // The Dutch names of the documents (Kamerbrief, Minimumloon, vakpers …) are not used.
      expect(sourceParts.filter((part) => /Kamerbrief|Minimumloon|vakpers|Kennisdocument|Rijksoverheid|samenvattingen/.test(withoutQuotes(part)))).toEqual([])
    }
    const explain = await run(['advise', join(casesDir, 'existing-aov.json'), '--lang', 'en', '--explain'])
    expect(explain.stdout).toContain('source: SME test (MKB-toets), 29 February 2024, at “De hoogte van de uitkering”')
  })

  it('bad input with --lang en: every problem in English, naming the field, exit 2 and nothing on stdout', async () => {
    const bad = writeCase('bad-en.json', {
      schemaVersion: 1,
      scenario: 'raad-van-state-2025',
      calculationYear: 2030,
      client: { name: 'X', birthDate: '2031-13-01', role: 'boer', conscientiousObjector: false },
      income: [
        { year: 2029, profit: 'veel', wiaWage: 0 },
        { year: 2028, profit: 1, wiaWage: 0 },
        { year: 2028, profit: 2, wiaWage: 0 },
      ],
      existingPolicy: { ...JSON.parse(readFileSync(join(casesDir, 'existing-aov.json'), 'utf8')).existingPolicy, startDate: '9999-12-31' },
      privateQuote: null,
      assumptions: { premiumRate: null, wmlIndexation: 0.02, profitGrowth: 0, marginalTaxRate: 0.37 },
      disability: { age: 50, degree: 2 },
      extra: 1,
    })
    const result = await run(['advise', bad, '--lang', 'en'])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    const lines = result.stderr.trim().split('\n')
    expect(lines).toEqual(
      expect.arrayContaining([
        'client.birthDate: must be a date as YYYY-MM-DD',
        'income[0].profit: must be a number',
        'existingPolicy.startDate: must be a date between 1900 and 2100',
        'disability.degree: must be 1 or less',
        '(input): unknown field: extra',
      ]),
    )
    expect(lines.some((line) => line.startsWith('client.role: must be one of these values:'))).toBe(true)
    expect(dutchIn(lines)).toEqual([])
    // The checks of the case as a whole (a year entered twice, an implausible birth date) as well.
    const twice = await run(['advise', writeCase('twice-en.json', { ...JSON.parse(readFileSync(join(casesDir, 'starter.json'), 'utf8')), income: [{ year: 2028, profit: 1, wiaWage: 0 }, { year: 2028, profit: 2, wiaWage: 0 }] }), '--lang', 'en'])
    expect(twice.code).toBe(2)
    expect(twice.stderr).toContain('income[1].year: year 2028 appears more than once')
    expect(dutchIn(twice.stderr.trim().split('\n'))).toEqual([])
    // The command's own messages: a missing file, an unknown version.
    const missing = await run(['advise', join(casesDir, 'no-such-case.json'), '--lang', 'en', '--scenario', 'x'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--scenario: unknown version "x"')
    const notFound = await run(['advise', join(casesDir, 'no-such-case.json'), '--lang', 'en'])
    expect(notFound.stderr).toContain('no-such-case.json: file not found')
    expect(dutchIn([...missing.stderr.split('\n'), ...notFound.stderr.split('\n')])).toEqual([])
    // The adviser file of a report, too.
    const adviser = writeCase('adviser-en.json', { firm: 'Kantoor', afmNumber: '123', kifidNumber: '456', extra: 1 })
    const report = await run(['advise', join(casesDir, 'starter.json'), '--lang', 'en', '--pdf', join(work, 'never.pdf'), '--adviser', adviser])
    expect(report.code).toBe(2)
    expect(report.stderr).toMatch(/adviser-en.json: name: is missing/)
    expect(report.stderr).toMatch(/adviser-en.json: \(input\): unknown field: extra/)
  })

  it('the scan would find Dutch text: the same case in Dutch is flagged', async () => {
    const json = await run(['advise', join(casesDir, 'existing-aov.json'), '--json'])
    expect(dutchIn(stringsOf(JSON.parse(json.stdout))).length).toBeGreaterThan(10)
  })

  it('amounts in English text follow English conventions', async () => {
    const { stdout } = await run(['advise', join(casesDir, 'starter.json'), '--lang', 'en'])
    expect(stdout).toMatch(/€\d{1,3}(,\d{3})*\.\d{2}/)
    expect(stdout).not.toMatch(/€\u00a0\d/)
  })

  it('an unknown language is bad input', async () => {
    const { code, stderr } = await run(['advise', join(casesDir, 'starter.json'), '--lang', 'de'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/--lang: onbekende taal "de"/)
  })
})
