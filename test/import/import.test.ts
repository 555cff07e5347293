/**
 * Client import from files as Dutch offices export them: every encoding and separator, Excel,
 * a bad row, duplicates (skip and merge), a mapping file, a dry run, a file that is too large, and
 * an import that fails half-way leaving nothing behind.
 */
import { closeSync, openSync, ftruncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/index'
import { openVault, type Vault } from '../../src-main/store'
import { fastKdf, removeTempDirs, tempDir } from '../store/helpers'
import { createVault } from '../../src-main/store'

const passphrase = 'import-wachtwoord-1'
const env = { VANGNET_PASSPHRASE: passphrase }
let dir: string

beforeAll(() => {
  dir = tempDir('vangnet-import-')
})
afterAll(removeTempDirs)

async function vangnet(args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, cwd: dir })
  return { code, stdout, stderr }
}

let vaults = 0
async function newVault(): Promise<string> {
  const path = join(dir, `kluis-${++vaults}.db`)
  ;(await createVault(path, passphrase, { kdf: fastKdf, autoLockAfterMs: 0 })).lock()
  return path
}

async function inVault<T>(path: string, work: (vault: Vault) => T): Promise<T> {
  const vault = await openVault(path, { passphrase }, { autoLockAfterMs: 0 })
  try {
    return work(vault)
  } finally {
    vault.lock()
  }
}

function file(name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content)
  return name
}

const crmHeader = 'Naam;Geboortedatum;Rol;Winst 2027;Winst 2028;WIA-loon 2028;Verzekeraar;Verzekerd bedrag;Eigen risico;Eindleeftijd;Ingangsdatum;Jaarpremie'
const crmRows = [
  'Jürgen Çelik;03-02-1980;zzp;"€ 45.000,00";48.250,50;;;;;;;',
  'Anna de Vries;14-11-1975;IB-ondernemer;60000;61.000;;Movir;"€ 40.000";1 jaar;AOW;01-04-2015;3.600,00',
  'Kees Bakker;15-06-1970;DGA;80.000;82.000;;;;;;;',
  'Sofie Janssen;1988-07-21;meewerkende partner;12.000;14.500;22.000;;;;;;',
]

describe('vangnet vault import: encodings and separators', () => {
  it('reads Windows-1252 with semicolons, comma decimals and € amounts', async () => {
    const db = await newVault()
    const name = file('crm-1252.csv', iconv.encode([crmHeader, ...crmRows].join('\r\n') + '\r\n', 'windows-1252'))
    const { code, stdout, stderr } = await vangnet(['vault', 'import', '--db', db, '--from', name])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toContain('CSV, Windows-1252, scheidingsteken ;')
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('4 geïmporteerd, 0 overgeslagen')
    await inVault(db, (vault) => {
      const clients = vault.clients.list()
      expect(clients.map((client) => client.name).sort()).toEqual(['Anna de Vries', 'Jürgen Çelik', 'Kees Bakker', 'Sofie Janssen'])
      const jurgen = clients.find((client) => client.name === 'Jürgen Çelik')!
      expect(vault.incomeYears.list(jurgen.id)).toEqual([
        { year: 2027, profit: 45000, wiaWage: 0 },
        { year: 2028, profit: 48250.5, wiaWage: 0 },
      ])
      const anna = clients.find((client) => client.name === 'Anna de Vries')!
      expect(vault.policies.list(anna.id)[0]!.policy).toMatchObject({ insurer: 'Movir', insuredAmount: 40000, waitingDays: 365, endAge: 'aow', annualPremium: 3600, startDate: '2015-04-01' })
      const sofie = clients.find((client) => client.name === 'Sofie Janssen')!
      expect(sofie.birthDate).toBe('1988-07-21')
      expect(vault.incomeYears.list(sofie.id)).toContainEqual({ year: 2028, profit: 14500, wiaWage: 22000 })
      // The role lives in the intake draft, where the form shows it.
      expect(vault.drafts.get(sofie.id)!.draft).toMatchObject({ client: { role: 'meewerkende-partner' } })
      expect(vault.drafts.get(clients.find((client) => client.name === 'Kees Bakker')!.id)!.draft).toMatchObject({ client: { role: 'dga' } })
    })
  })

  it('reads UTF-8 with a BOM and commas as separator (plain numbers, quoted names)', async () => {
    const db = await newVault()
    const text = '\ufeffnaam,geboortedatum,winst 2027,eigen risico,verzekerd bedrag,eindleeftijd,ingangsdatum,jaarpremie,verzekeraar\n"Vries, Jan de",02-03-1981,52000.50,90,30000,65,01-01-2019,"2,400.00",ASR\n'
    const { code, stdout } = await vangnet(['vault', 'import', '--db', db, '--from', file('bom.csv', text)])
    expect(code).toBe(0)
    expect(stdout).toContain('UTF-8 met BOM, scheidingsteken ,')
    await inVault(db, (vault) => {
      const [client] = vault.clients.list()
      expect(client!.name).toBe('Vries, Jan de')
      expect(vault.incomeYears.list(client!.id)).toEqual([{ year: 2027, profit: 52000.5, wiaWage: 0 }])
      expect(vault.policies.list(client!.id)[0]!.policy).toMatchObject({ waitingDays: 90, endAge: 65, annualPremium: 2400 })
    })
  })

  it('reads UTF-8 without a BOM and semicolons', async () => {
    const db = await newVault()
    const { code, stdout } = await vangnet(['vault', 'import', '--db', db, '--from', file('utf8.csv', `${crmHeader}\n${crmRows[0]}\n`)])
    expect(code).toBe(0)
    expect(stdout).toContain('CSV, UTF-8, scheidingsteken ;')
    await inVault(db, (vault) => expect(vault.clients.list().map((client) => client.name)).toEqual(['Jürgen Çelik']))
  })

  it('reads an Excel file: date cells, number cells and text amounts', async () => {
    const db = await newVault()
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Relaties')
    sheet.addRow(['Naam', 'Geboortedatum', 'Winst 2027', 'Winst 2028', 'Verzekeraar', 'Verzekerd bedrag', 'Eigen risico', 'Eindleeftijd', 'Ingangsdatum', 'Jaarpremie'])
    sheet.addRow(['Fatima el Amrani', new Date(Date.UTC(1984, 4, 9)), 41000, '€ 43.500,25', 'Nationale', 36000, '3 maanden', 67, new Date(Date.UTC(2020, 0, 1)), 2950.4])
    sheet.addRow(['Daan Smit', '09-10-1990', 28000, 30000])
    const xlsx = join(dir, 'klanten.xlsx')
    await workbook.xlsx.writeFile(xlsx)
    const { code, stdout, stderr } = await vangnet(['vault', 'import', '--db', db, '--from', 'klanten.xlsx'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toContain('Excel, werkblad "Relaties"')
    await inVault(db, (vault) => {
      const fatima = vault.clients.list().find((client) => client.name === 'Fatima el Amrani')!
      expect(fatima.birthDate).toBe('1984-05-09')
      expect(vault.incomeYears.list(fatima.id)).toEqual([
        { year: 2027, profit: 41000, wiaWage: 0 },
        { year: 2028, profit: 43500.25, wiaWage: 0 },
      ])
      expect(vault.policies.list(fatima.id)[0]!.policy).toMatchObject({ waitingDays: 90, endAge: 67, annualPremium: 2950.4, startDate: '2020-01-01' })
    })
  })
})

describe('vangnet vault import: problems', () => {
  it('lists every bad row in plain Dutch and imports the valid rows', async () => {
    const db = await newVault()
    const rows = [crmHeader, crmRows[0], 'Piet Pieters;31-02-1975;zzp;abc;;;;;;;;', ';01-01-1980;;;;;;;;;;', 'Els Mol;01-05-1979;tovenaar;10000;;;Movir;40000;3 weken;AOW;;1200', crmRows[2]]
    const { code, stdout, stderr } = await vangnet(['vault', 'import', '--db', db, '--from', file('bad.csv', rows.join('\n'))])
    expect(code).toBe(0)
    expect(stderr).toContain('rij 3: Geboortedatum "31-02-1975" is geen bestaande datum')
    expect(stderr).toContain('rij 3: winst 2027 "abc" is geen bedrag')
    expect(stderr).toContain('rij 4: Naam is leeg')
    expect(stderr).toContain('rij 5: Rol "tovenaar" is onbekend')
    expect(stderr).toContain('rij 5: AOV: Ingangsdatum ontbreekt')
    expect(stderr).not.toMatch(/at .*\.ts|Error:/)
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('2 geïmporteerd, 3 overgeslagen')
    await inVault(db, (vault) => expect(vault.clients.count()).toBe(2))
  })

  it('skips duplicates by default and merges them when asked', async () => {
    const db = await newVault()
    const first = file('eerste.csv', `${crmHeader}\n${crmRows[0]}\n${crmRows[1]}\n`)
    expect((await vangnet(['vault', 'import', '--db', db, '--from', first])).code).toBe(0)
    // Same people again, one with a new year and a differently written name; one duplicate row inside the file.
    const again = ['Naam;Geboortedatum;Winst 2029', 'jurgen celik;03-02-1980;50.000', 'Anna de Vries;14-11-1975;65.000', 'Anna de Vries;14-11-1975;66.000', 'Nieuwe Klant;01-01-1990;30.000']
    const second = file('tweede.csv', again.join('\n'))
    const skipped = await vangnet(['vault', 'import', '--db', db, '--from', second])
    expect(skipped.stderr).toContain('rij 2: jurgen celik (1980-02-03) staat er al in (klant 1 in de kluis): overgeslagen')
    expect(skipped.stderr).toContain('rij 4: Anna de Vries (1975-11-14) staat er al in (rij 3): overgeslagen')
    expect(skipped.stdout.trimEnd().split('\n').at(-1)).toBe('1 geïmporteerd, 3 overgeslagen')
    await inVault(db, (vault) => {
      expect(vault.clients.count()).toBe(3)
      expect(vault.incomeYears.list(1).map((row) => row.year)).toEqual([2027, 2028])
    })
    const merged = await vangnet(['vault', 'import', '--db', db, '--from', second, '--duplicates', 'merge'])
    expect(merged.code).toBe(0)
    await inVault(db, (vault) => {
      // Nieuwe Klant was imported by the first run and is now merged, not doubled.
      expect(vault.clients.count()).toBe(3)
      expect(vault.incomeYears.list(1)).toContainEqual({ year: 2029, profit: 50000, wiaWage: 0 })
      expect(vault.incomeYears.list(2)).toContainEqual({ year: 2029, profit: 66000, wiaWage: 0 })
      // Earlier years and the running AOV stay.
      expect(vault.incomeYears.list(2).map((row) => row.year)).toEqual([2027, 2028, 2029])
      expect(vault.policies.list(2)).toHaveLength(1)
    })
  })

  it('uses a mapping file for headers it does not know, and a dry run writes nothing', async () => {
    const db = await newVault()
    const name = file('eigen.csv', 'Klant;Geb.;Omzet 27;Notitie\nLisa Berg;05-05-1985;39.000;belt vrijdag\n')
    const unmapped = await vangnet(['vault', 'import', '--db', db, '--from', name])
    expect(unmapped.code).toBe(2)
    expect(unmapped.stderr).toContain('geen kolom "geboortedatum" gevonden')
    const mapping = file('koppeling.json', JSON.stringify({ columns: { 'Geb.': 'geboortedatum', 'Omzet 27': 'winst 2027', Notitie: null } }))
    const dry = await vangnet(['vault', 'import', '--db', db, '--from', name, '--mapping', mapping, '--dry-run'])
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('Proefimport: er is niets opgeslagen.')
    expect(dry.stdout.trimEnd().split('\n').at(-1)).toBe('1 geïmporteerd, 0 overgeslagen')
    await inVault(db, (vault) => expect(vault.clients.count()).toBe(0))
    expect((await vangnet(['vault', 'import', '--db', db, '--from', name, '--mapping', mapping])).code).toBe(0)
    await inVault(db, (vault) => expect(vault.incomeYears.list(vault.clients.list()[0]!.id)).toEqual([{ year: 2027, profit: 39000, wiaWage: 0 }]))
    const badMapping = file('fout.json', JSON.stringify({ columns: { 'Geb.': 'verjaardag' } }))
    const refused = await vangnet(['vault', 'import', '--db', db, '--from', name, '--mapping', badMapping])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('"verjaardag" is geen kolom die Vangnet kent')
  })

  it('refuses a file over 50 MB with a message and changes nothing', async () => {
    const db = await newVault()
    const path = join(dir, 'groot.csv')
    const fd = openSync(path, 'w')
    ftruncateSync(fd, 50 * 1024 * 1024 + 1)
    closeSync(fd)
    const { code, stdout, stderr } = await vangnet(['vault', 'import', '--db', db, '--from', 'groot.csv'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('Het bestand is te groot (51 MB; hoogstens 50 MB)')
    await inVault(db, (vault) => expect(vault.clients.count()).toBe(0))
  })

  it('refuses a file that is not a table, and never imports half', async () => {
    const db = await newVault()
    const binary = await vangnet(['vault', 'import', '--db', db, '--from', file('foto.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))])
    expect(binary.code).toBe(2)
    expect(binary.stderr).toContain('geen tekst (CSV) of Excel-bestand')
    await inVault(db, (vault) => {
      const good = { row: 2, name: 'Goed', birthDate: '1980-01-01', role: null, email: null, phone: null, financialBuffer: null, income: [], existingPolicy: null }
      // A row the database refuses (a broken birth date) after a good one: the whole import rolls back.
      expect(() => vault.clientImport.apply({ create: [good, { ...good, row: 3, birthDate: 'kapot' }], merge: [] })).toThrow()
      expect(vault.clients.count()).toBe(0)
    })
  })
})
