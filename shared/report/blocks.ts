/** Small building blocks of the report's layout: headings, key-value tables, notice boxes. */
import type { Content, ContentNode } from './types'

export const colours = {
  ink: '#1d2733',
  muted: '#5b6775',
  accent: '#1f5f8b',
  accentLight: '#e8f0f6',
  rule: '#c9d1da',
  zebra: '#f5f7f9',
  good: '#2e7d4f',
  bad: '#b3261e',
  noticeFill: '#fff6e0',
  noticeRule: '#e0a526',
} as const

export const styles: Record<string, Record<string, unknown>> = {
  coverTitle: { fontSize: 26, bold: true, color: colours.accent, lineHeight: 1.1 },
  coverSubtitle: { fontSize: 13, color: colours.muted, margin: [0, 6, 0, 0] },
  h1: { fontSize: 17, bold: true, color: colours.accent, margin: [0, 0, 0, 10] },
  h2: { fontSize: 12, bold: true, color: colours.ink, margin: [0, 12, 0, 5] },
  body: { fontSize: 9.5, lineHeight: 1.25 },
  small: { fontSize: 8, color: colours.muted },
  label: { color: colours.muted },
  tableHeader: { bold: true, color: colours.ink, fillColor: colours.accentLight },
  amount: { alignment: 'right', noWrap: true },
  good: { color: colours.good, bold: true },
  bad: { color: colours.bad, bold: true },
}

/** Horizontal rules only, the quiet look of a financial table. */
export const quietTable = {
  hLineWidth: (index: number, node: { table: { body: unknown[] } }) => (index === 0 || index === node.table.body.length ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => colours.rule,
  paddingLeft: (index: number) => (index === 0 ? 0 : 6),
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
}

export const boxLayout = {
  hLineWidth: () => 0,
  vLineWidth: (index: number) => (index === 0 ? 3 : 0),
  vLineColor: () => colours.noticeRule,
  paddingLeft: () => 10,
  paddingRight: () => 10,
  paddingTop: () => 8,
  paddingBottom: () => 8,
}

/** A chapter heading that starts a new page (and an entry in the PDF outline). */
export function chapter(text: string, id: string, newPage = true): ContentNode {
  return { text, style: 'h1', id, tocItem: true, outline: true, headlineLevel: 1, ...(newPage ? { pageBreak: 'before' as const } : { margin: [0, 22, 0, 10] as [number, number, number, number] }) }
}

export function heading(text: string): ContentNode {
  return { text, style: 'h2', headlineLevel: 2 }
}

/**
 * A heading inside an unbreakable stack: the stack keeps it with what follows, so it carries no
 * headline level (a page break forced before it would split the stack and leave a blank page).
 */
export function stackHeading(text: string): ContentNode {
  return { text, style: 'h2' }
}

export function paragraph(text: Content, extra: Partial<ContentNode> = {}): ContentNode {
  return { text, style: 'body', margin: [0, 0, 0, 6], ...extra }
}

/** Two columns, label left and value right, for facts about the client or a policy. */
export function facts(rows: [string, Content][], labelWidth = 170): ContentNode {
  return {
    table: { widths: [labelWidth, '*'], dontBreakRows: true, body: rows.map(([label, value]) => [{ text: label, style: 'label' }, value]) },
    layout: quietTable,
    style: 'body',
    margin: [0, 0, 0, 8],
  }
}

/** A box with a coloured bar, for what the client must not miss. */
export function notice(title: string, text: Content[]): ContentNode {
  return {
    table: { widths: ['*'], body: [[{ stack: [{ text: title, bold: true, margin: [0, 0, 0, 3] }, ...text], fillColor: colours.noticeFill }]] },
    layout: boxLayout,
    style: 'body',
    margin: [0, 8, 0, 8],
    unbreakable: true,
  }
}

export function amountCell(text: string, extra: Partial<ContentNode> = {}): ContentNode {
  return { text, style: 'amount', ...extra }
}

/** Paragraphs from a text the adviser typed: blank lines separate paragraphs. */
export function paragraphsOf(text: string): ContentNode[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => paragraph(part))
}
