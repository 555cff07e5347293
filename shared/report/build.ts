/**
 * The advice report as a pdfmake document definition: a pure function of the case, the advice
 * result, the adviser's details and choice, and the charts rendered from shared/charts.
 * src-main/reports turns it into a PDF; the tests snapshot it.
 *
 * Content follows what the Wft asks of an advice file: the client's situation and goals, the
 * options, the advice and why, the costs, and the assumptions it rests on.
 */
import { appendix, deadlines, signatures } from './back'
import { colours, styles } from './blocks'
import { charts, comparison } from './comparison'
import { contextOf } from './context'
import { decision } from './decision'
import { clientProfile, cover } from './front'
import { incomeChapter } from './income'
import { productSheets, service } from './service'
import type { Content, DocumentDefinition, ReportInput } from './types'

export function buildAdviceReport(input: ReportInput): DocumentDefinition {
  const context = contextOf(input)
  const { t, a, date, draft } = context
  const version = input.adviceVersion !== undefined ? ` · ${a.version} ${input.adviceVersion}` : ''
  const footerLeft = `${draft ? `${a.concept} · ` : ''}${input.clientCase.client.name} · ${date(input.reportDate)} · ${input.result.scenario}${version}`
  return {
    info: {
      title: `${draft ? `${a.concept} – ` : ''}${t.title} – ${input.clientCase.client.name}`,
      author: input.adviserMissing ? 'Vangnet' : `${input.adviser.name}, ${input.adviser.firm}`,
      subject: `${input.result.scenarioLabel}, ${input.result.calculationYear}`,
      creator: `Vangnet ${input.appVersion}`,
      producer: `Vangnet ${input.appVersion}`,
    },
    language: input.language === 'nl' ? 'nl-NL' : 'en-GB',
    // Archival: pdfkit writes the PDF/A-2b parts (XMP metadata with the conformance level, the
    // sRGB output intent, embedded fonts); the PAdES signature is part of the same single save.
    version: '1.7',
    subset: 'PDF/A-2b',
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 56],
    defaultStyle: { font: 'LiberationSans', fontSize: 9.5, color: colours.ink, lineHeight: 1.15 },
    styles,
    // A draft says so on every page, in the page itself (text, so pdftotext reads it too).
    ...(draft
      ? {
          watermark: { text: a.concept, color: colours.bad, opacity: 0.12, bold: true, fontSize: 96, angle: -45 },
          header: (): Content => ({ text: a.conceptBanner, style: 'small', color: colours.bad, bold: true, alignment: 'center', margin: [40, 18, 40, 0] }),
        }
      : {}),
    // A heading near the foot of a page moves to the next page with what follows it. Kept to a
    // cheap position test: every break it asks for costs pdfmake a second layout of the document.
    pageBreakBefore: (node) => node.headlineLevel !== undefined && (node.startPosition?.verticalRatio ?? 0) > (node.headlineLevel === 1 ? 0.75 : 0.86),
    footer: (currentPage: number, pageCount: number): Content =>
      currentPage === 1
        ? ''
        : {
            columns: [
              { text: footerLeft, style: 'small' },
              { text: t.page(currentPage, pageCount), style: 'small', alignment: 'right', width: 90 },
            ],
            margin: [40, 20, 40, 0],
          },
    content: [
      ...cover(context),
      ...decision(context),
      ...incomeChapter(context),
      ...clientProfile(context),
      ...comparison(context),
      ...charts(context),
      ...productSheets(context),
      ...deadlines(context),
      ...service(context),
      ...signatures(context),
      ...appendix(context),
    ],
  }
}
