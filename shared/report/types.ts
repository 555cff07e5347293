/**
 * What the report is made from, and the (small) part of pdfmake's document-definition vocabulary
 * it produces. The definitions are plain data: src-main/reports hands them to pdfmake, tests
 * snapshot them. No pdfmake import here, so shared/ stays free of Node-only packages.
 */
import type { Language } from '../format'
import type { ClientCase } from '../schema/case'
import type { AdviceResult, OptionId } from '../schema/result'

export type { Language }

/** The adviser as the Wft requires them on the advice: name, firm and registrations. */
export interface AdviserDetails {
  name: string
  firm: string
  /** Registration number in the AFM register of financial service providers (Wft). */
  afmNumber: string
  /** Membership number of Kifid, the complaints institute for financial services. */
  kifidNumber: string
  email?: string
  phone?: string
  address?: string
}

/** The adviser's recommendation: the chosen option and the reasons, in their own words. */
export interface Recommendation {
  optionId: OptionId
  /** Why this option suits this client (paragraphs separated by blank lines). */
  motivation: string
}

/** The adviser's fee for this advice, as agreed with the client (Wft: cost transparency). */
export interface AdviceFee {
  /** Euros, at most cents. */
  amount: number
  description: string
  /** VAT status: advice on insurance is usually VAT-exempt (vrijgesteld). */
  vat?: 'vrijgesteld' | 'inclusief' | 'exclusief'
  /** A fixed fee or an hourly rate. */
  basis?: 'vast' | 'uur'
}

/** One source document, as shared/parameters/sources.ts describes it. */
export interface SourceEntry {
  title: string
  /** How English text names it ("Letter to Parliament, 15 September 2025"); the title stays the document's own Dutch one. */
  shortEn?: string
  /** ISO date, or a year alone. */
  date: string
  kind?: string
  reference?: string
}
export type SourceCatalog = Readonly<Record<string, SourceEntry>>

/** The drawn signature of the client, as a PNG or JPEG data URL (optional). */
export interface ClientSignature {
  imageDataUrl: string
  /** ISO date on which the client signed. */
  signedOn?: string
}

/** How the finished PDF will be signed: printed on the signature page. */
export interface SignatureNotice {
  signerName: string
  /** SHA-256 fingerprint of the signing certificate (hex), printed in the signature block. */
  fingerprint?: string
  /** ISO date of signing. */
  signedOn?: string
  /** A certificate the adviser made themselves, not one from a trusted certificate authority. */
  selfSigned: boolean
}

export interface ReportInput {
  clientCase: ClientCase
  result: AdviceResult
  adviser: AdviserDetails
  recommendation?: Recommendation
  fee?: AdviceFee
  language: Language
  /** ISO date printed on the cover (the advice date). */
  reportDate: string
  sources: SourceCatalog
  /** Charts already rendered to SVG by src-main (from the specs in shared/charts); absent = nothing to draw. */
  charts: { premiumPerYear?: string; incomeWhenDisabled?: string; incomeNeed?: string; coverOverlap?: string }
  /** Mark the report "CONCEPT" on every page (also when the adviser's details or the choice are missing). */
  draft?: boolean
  /** No adviser's details were given: `adviser` holds placeholders and the report is a draft. */
  adviserMissing?: boolean
  /** The number of this advice version in the client's dossier. */
  adviceVersion?: number
  clientSignature?: ClientSignature
  signature?: SignatureNotice
  /** Version of the app, printed in the footer and the document info. */
  appVersion: string
}

// --- the slice of pdfmake's document definition this report uses -----------------------------

/** A pdfmake content node. Kept open on purpose: pdfmake accepts many optional keys. */
export type Content = string | Content[] | ContentNode

export interface ContentNode {
  text?: Content
  stack?: Content[]
  columns?: Content[]
  table?: { widths?: (number | string)[]; headerRows?: number; dontBreakRows?: boolean; keepWithHeaderRows?: number; body: Content[][] }
  ul?: Content[]
  ol?: Content[]
  svg?: string
  image?: string
  canvas?: Record<string, unknown>[]
  style?: string | string[]
  layout?: string | Record<string, unknown>
  width?: number | string
  height?: number
  fit?: [number, number]
  margin?: number | [number, number] | [number, number, number, number]
  pageBreak?: 'before' | 'after'
  unbreakable?: boolean
  headlineLevel?: number
  tocItem?: boolean
  id?: string
  bold?: boolean
  italics?: boolean
  color?: string
  fillColor?: string
  fontSize?: number
  alignment?: 'left' | 'right' | 'center' | 'justify'
  noWrap?: boolean
  colSpan?: number
  font?: string
  [key: string]: unknown
}

export interface DocumentDefinition {
  info: Record<string, string>
  pageSize: 'A4'
  pageMargins: [number, number, number, number]
  defaultStyle: Record<string, unknown>
  styles: Record<string, Record<string, unknown>>
  content: Content[]
  header?: (currentPage: number, pageCount: number) => Content
  watermark?: Record<string, unknown>
  /** pdfmake asks this for every node after a layout: true moves the node to a new page. */
  pageBreakBefore?: (node: { headlineLevel?: number; startPosition?: { verticalRatio?: number }; pageNumbers?: number[] }) => boolean
  footer?: (currentPage: number, pageCount: number) => Content
  language?: string
  /** PDF version and archival subset, passed to pdfkit. */
  version?: '1.7'
  subset?: 'PDF/A-2b'
}
