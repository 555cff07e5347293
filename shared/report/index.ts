/** The advice report as data: see build.ts. */
export { buildAdviceReport } from './build'
export { reportTexts } from './texts'
export type { AdviceFee, AdviserDetails, ClientSignature, DocumentDefinition, Language, Recommendation, ReportInput, SignatureNotice, SourceCatalog, SourceEntry } from './types'
