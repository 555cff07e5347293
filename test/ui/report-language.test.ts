/**
 * A report made in the app from a stored advice version is in one language throughout. The version
 * stores the rules' result with Dutch texts; an English report runs the rules again on the stored
 * case for English texts and uses them only when the figures are the same, otherwise the report is
 * made in Dutch from the stored result (never English headings around Dutch rule texts).
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { advise } from '../../shared/rules/advise'
import { parseClientCase, type ClientCase } from '../../shared/schema/case'
import type { AdviceResult } from '../../shared/schema/result'
import { dispatch } from '../../src-main/services/dispatch'
import type { ReportRequest, Services } from '../../src-main/services'
import { removeTempDirs, tempDir, testServices } from '../store/helpers'

const running: Services[] = []
afterEach(() => {
  for (const services of running.splice(0)) services.dispose()
  removeTempDirs()
})

async function makeReport(language: 'nl-NL' | 'en-GB', rules: (clientCase: ClientCase, options?: { language?: 'nl' | 'en' }) => AdviceResult = advise) {
  const made: ReportRequest[] = []
  const services = testServices(tempDir(), {
    advise: rules,
    reports: {
      makeSigned: async (request) => {
        made.push(request)
        return Buffer.from('%PDF-1.7 test')
      },
      verify: async () => ({ valid: true, signer: null, signedAt: null, message: '' }),
    },
  })
  running.push(services)
  const value = async <T>(channel: string, payload: unknown): Promise<T> => {
    const response = await dispatch(services.handlers, channel, payload)
    if (!response.ok) throw new Error(`${channel}: ${response.error.message}`)
    return response.value as T
  }
  await value('vault:create', { passphrase: 'een lange zin als wachtwoord', adviser: { name: 'Anna de Adviseur' }, remember: false })
  const sample = parseClientCase(JSON.parse(readFileSync('resources/cases/starter.json', 'utf8')))
  if (!sample.ok) throw new Error('sample')
  const client = await value<{ id: number }>('clients:create', { name: 'Sanne Starter', birthDate: sample.value.client.birthDate })
  const saved = await value<{ id: number }>('advice:save', { clientId: client.id, clientCase: sample.value, chosenOption: 'baz', recommendation: 'Alleen de Baz.' })
  await value('certificate:createSelfSigned', { commonName: 'Anna de Adviseur', password: 'certificaat-ww' })
  await value('settings:save', { autoLockMinutes: 10, language })
  await value('report:make', { adviceId: saved.id, certificatePassword: 'certificaat-ww' })
  return { request: made[0]!, stored: advise(sample.value) }
}

describe('the language of a report made from a stored advice version', () => {
  it('an English report carries the rules texts in English, with the stored figures', async () => {
    const { request, stored } = await makeReport('en-GB')
    expect(request.language).toBe('en')
    const english = advise(request.clientCase, { language: 'en' })
    expect(request.result.options.map((option) => option.label)).toEqual(english.options.map((option) => option.label))
    expect(request.result.options.map((option) => option.label)).not.toEqual(stored.options.map((option) => option.label))
    expect(request.result.options.map((option) => option.premium.annual)).toEqual(stored.options.map((option) => option.premium.annual))
  }, 60_000)

  it('a Dutch report prints the stored result as it is', async () => {
    const { request, stored } = await makeReport('nl-NL')
    expect(request.language).toBe('nl')
    expect(request.result).toEqual(stored)
  }, 60_000)

  it('when the rules now give other figures, the report is made in Dutch from the stored result', async () => {
    // Rules that changed since the advice: the English run gives another premium.
    const changed = (clientCase: ClientCase, options?: { language?: 'nl' | 'en' }): AdviceResult => {
      const result = advise(clientCase, options)
      if (options?.language !== 'en') return result
      return { ...result, options: result.options.map((option) => ({ ...option, premium: { ...option.premium, annual: option.premium.annual + 1 } })) }
    }
    const { request, stored } = await makeReport('en-GB', changed)
    expect(request.language).toBe('nl')
    expect(request.result).toEqual(stored)
  }, 60_000)
})
