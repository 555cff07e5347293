/**
 * The advice report as a pdfmake document definition: a pure function of the case, the advice
 * result, the adviser's details and choice, and the charts rendered from shared/charts.
 * src-main/reports turns it into a PDF; the tests snapshot it.
 *
 * Content follows what the Wft asks of an advice file: the client's situation and goals, the
 * options, the advice and why, the costs, and the assumptions it rests on.
 */
import { assumptions, deadlines, explanations, fee, signatures, sourcesAppendix } from './back'
import { colours, styles } from './blocks'
import { charts, comparison } from './comparison'
import { contextOf } from './context'
import { clientProfile, cover, summary } from './front'
import type { Content, DocumentDefinition, ReportInput } from './types'

export function buildAdviceReport(input: ReportInput): DocumentDefinition {
  const context = contextOf(input)
  const { t, date } = context
  const footerLeft = `${input.clientCase.client.name} · ${date(input.reportDate)} · ${input.result.scenario}`
  return {
    info: {
      title: `${t.title} – ${input.clientCase.client.name}`,
      author: `${input.adviser.name}, ${input.adviser.firm}`,
      subject: `${input.result.scenarioLabel}, ${input.result.calculationYear}`,
      creator: `Vangnet ${input.appVersion}`,
      producer: `Vangnet ${input.appVersion}`,
    },
    language: input.language === 'nl' ? 'nl-NL' : 'en-GB',
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 56],
    defaultStyle: { font: 'LiberationSans', fontSize: 9.5, color: colours.ink, lineHeight: 1.15 },
    styles,
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
      ...summary(context),
      ...clientProfile(context),
      ...comparison(context),
      ...charts(context),
      ...deadlines(context),
      ...assumptions(context),
      ...explanations(context),
      ...sourcesAppendix(context),
      ...fee(context),
      ...signatures(context),
    ],
  }
}
