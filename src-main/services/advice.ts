/**
 * Advice versions and their signed reports: save an immutable version (the result is computed
 * here from the validated case, never taken from the screen), list the versions with what
 * changed, make, verify, open and save the signed PDF.
 */
import type { AdviceVersionDetail, AdviceVersionSummary, ReportInfo } from '../../shared/ipc'
import type { ClientBook } from '../store'
import type { ClientCase } from '../../shared/schema/case'
import type { AdviceResult } from '../../shared/schema/result'
import type { Language } from '../../shared/format'
import { describeChanges, readRecommendation, writeRecommendation } from './advice-text'
import { adviserOut } from './adviser'
import { inspectP12 } from './certificate'
import type { ServiceHandlers } from './dispatch'
import { ServiceError } from './errors'
import type { ServiceContext } from './types'

type AdviceHandlers = Pick<
  ServiceHandlers,
  'advice:list' | 'advice:get' | 'advice:save' | 'report:make' | 'report:verify' | 'report:open' | 'report:saveAs'
>

const versionNotFound = 'Deze adviesversie bestaat niet (meer).'

/** JSON with the keys of every object sorted: equal content gives equal text, whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v,
  )
}

/** The result without its texts: the figures, dates aside, that a report in another language must repeat exactly. */
function figures(result: AdviceResult): string {
  return canonical(JSON.parse(JSON.stringify(result, (_key, v: unknown) => (typeof v === 'string' ? undefined : v))))
}

/**
 * The result a report in `language` prints. A version stores the rules' result with Dutch texts;
 * an English report needs the same result with English texts, so the rules run again on the
 * stored case. Only when that gives the same parameter set and the same figures is it used: the
 * dossier must show what was advised. Otherwise (the rules or parameters changed since) the report
 * is made in Dutch from the stored result, so it never mixes English words with Dutch rule texts.
 */
function resultForReport(deps: ServiceContext['deps'], clientCase: ClientCase, stored: AdviceResult, language: Language): { result: AdviceResult; language: Language } {
  if (language === 'nl') return { result: stored, language }
  const again = deps.advise(clientCase, { language })
  if (again.parameterHash === stored.parameterHash && figures(again) === figures(stored)) return { result: again, language }
  return { result: stored, language: 'nl' }
}

function reportInfo(adviceId: number, versionNo: number, pdf: Buffer, sha256: string): ReportInfo {
  return { adviceId, fileName: `Vangnet-advies-versie-${versionNo}.pdf`, signed: true, sha256, bytes: pdf.length }
}

async function adviceSummary(book: ClientBook, id: number, previous?: AdviceVersionDetail | null, language: Language = 'nl'): Promise<AdviceVersionSummary> {
  const version = await book.adviceVersions.get(id)
  if (!version) throw new ServiceError('not-found', versionNotFound)
  const recommendation = readRecommendation(version.recommendation)
  const pdf = version.reportSha256 ? await book.adviceVersions.reportPdf(id) : null
  return {
    id: version.id,
    clientId: version.clientId,
    versionNo: version.versionNo,
    createdAt: version.createdAt,
    scenario: version.billVersion,
    chosenOption: recommendation.optionId,
    recommendation: recommendation.motivation,
    changes:
      previous === undefined
        ? []
        : describeChanges(previous && { ...previous, motivation: previous.recommendation }, { clientCase: version.case, result: version.result, chosenOption: recommendation.optionId, motivation: recommendation.motivation }, language),
    report: pdf ? reportInfo(version.id, version.versionNo, pdf, version.reportSha256!) : null,
  }
}

async function detail(book: ClientBook, id: number): Promise<AdviceVersionDetail> {
  const version = await book.adviceVersions.get(id)
  if (!version) throw new ServiceError('not-found', versionNotFound)
  return { ...(await adviceSummary(book, id)), clientCase: version.case, result: version.result }
}

async function reportOf(book: ClientBook, adviceId: number): Promise<{ pdf: Buffer; info: ReportInfo }> {
  const version = await book.adviceVersions.get(adviceId)
  const pdf = version ? await book.adviceVersions.reportPdf(adviceId) : null
  if (!version || !pdf) throw new ServiceError('not-found', 'Voor deze adviesversie is nog geen rapport gemaakt.')
  return { pdf, info: reportInfo(adviceId, version.versionNo, pdf, version.reportSha256!) }
}

export function adviceServices(context: ServiceContext): AdviceHandlers {
  const { deps } = context
  const screenLanguage = () => context.settingsFile.language()
  return {
    'advice:list': async ({ clientId }) => {
      const book = context.book()
      const versions = (await book.adviceVersions.list(clientId)).sort((a, b) => a.versionNo - b.versionNo)
      const out: AdviceVersionSummary[] = []
      let previous: AdviceVersionDetail | null = null
      const language = await screenLanguage()
      for (const version of versions) {
        out.push(await adviceSummary(book, version.id, previous, language))
        previous = await detail(book, version.id)
      }
      return out.reverse()
    },
    'advice:get': ({ adviceId }) => detail(context.book(), adviceId),
    'advice:save': async ({ clientId, clientCase, chosenOption, recommendation }) => {
      const book = context.book()
      // The result is computed here from the validated case, never taken from the renderer.
      const result = deps.advise(clientCase)
      if (!result.options.some((option) => option.id === chosenOption)) {
        throw new ServiceError('invalid-input', 'De gekozen optie hoort niet bij deze berekening.')
      }
      const text = writeRecommendation(chosenOption, recommendation)
      const versions = (await book.adviceVersions.list(clientId)).sort((a, b) => a.versionNo - b.versionNo)
      const latest = versions.at(-1)
      // Saving again with nothing changed makes no new immutable version: the latest one stands.
      if (latest) {
        const stored = await book.adviceVersions.get(latest.id)
        if (stored && stored.recommendation === text && canonical(stored.case) === canonical(clientCase)) {
          const before = versions.at(-2)
          return { ...(await adviceSummary(book, latest.id, before ? await detail(book, before.id) : null, await screenLanguage())), created: false }
        }
      }
      const created = await book.adviceVersions.create({ clientId, case: clientCase, result, recommendation: text })
      return { ...(await adviceSummary(book, created.id, latest ? await detail(book, latest.id) : null, await screenLanguage())), created: true }
    },
    'report:make': async ({ adviceId, certificatePassword }) => {
      const book = context.book()
      const version = await book.adviceVersions.get(adviceId)
      if (!version) throw new ServiceError('not-found', versionNotFound)
      if (version.reportSha256) return (await reportOf(book, adviceId)).info
      const p12 = await book.adviser.signingCertificate()
      const adviser = await adviserOut(book)
      if (!p12 || !adviser) throw new ServiceError('not-found', 'Er is nog geen ondertekeningscertificaat. Voeg er een toe bij Instellingen.')
      const { info } = inspectP12(p12, certificatePassword, context.now())
      const inLanguage = resultForReport(deps, version.case, version.result, await screenLanguage())
      const pdf = await deps.reports.makeSigned({
        clientCase: version.case,
        result: inLanguage.result,
        adviser,
        recommendation: readRecommendation(version.recommendation),
        reportDate: version.createdAt.slice(0, 10),
        language: inLanguage.language,
        appVersion: deps.appVersion,
        certificate: { p12, password: certificatePassword, selfSigned: info.selfSigned },
      })
      await book.adviceVersions.attachReport(adviceId, pdf)
      return (await reportOf(book, adviceId)).info
    },
    'report:verify': async ({ adviceId }) => {
      const book = context.book()
      const { pdf } = await reportOf(book, adviceId)
      const stored = await book.adviceVersions.verify(adviceId)
      const signature = await deps.reports.verify(pdf)
      if (stored.reportOk === false) return { ...signature, valid: false, message: 'Het rapport in de kluis komt niet overeen met de opgeslagen vingerafdruk.' }
      return signature
    },
    'report:open': async ({ adviceId }) => {
      const { pdf, info } = await reportOf(context.book(), adviceId)
      return { opened: await deps.desktop.openPdf(info.fileName, pdf) }
    },
    'report:saveAs': async ({ adviceId }) => {
      const { pdf, info } = await reportOf(context.book(), adviceId)
      return { savedTo: await deps.desktop.savePdfAs(info.fileName, pdf) }
    },
  }
}
