import { parseClientCase, type ClientCase, type ClientCaseInput } from '../../shared/schema/case'

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> | T[K] : T[K] }

/** A valid case: an IB-ondernemer born 1984, profits 2027–2029, no policies. */
export const baseCase: ClientCaseInput = {
  schemaVersion: 1,
  scenario: 'raad-van-state-2025',
  calculationYear: 2030,
  client: { name: 'Test Klant', birthDate: '1984-05-17', role: 'ib-ondernemer', conscientiousObjector: false },
  income: [
    { year: 2027, profit: 38000, wiaWage: 0 },
    { year: 2028, profit: 45000, wiaWage: 0 },
    { year: 2029, profit: 52000, wiaWage: 0 },
  ],
  existingPolicy: null,
  privateQuote: null,
  assumptions: { premiumRate: null, wmlIndexation: 0.02, profitGrowth: 0, marginalTaxRate: 0.37 },
  disability: { age: 50, degree: 1 },
}

export const goodPolicy = {
  insuredAmount: 36000,
  waitingDays: 365,
  endAge: 'aow' as const,
  disabilityThresholdPercent: 25,
  criterion: 'beroeps' as const,
  medicalExclusions: false,
  annualPremium: 3100,
  startDate: '2030-01-01',
}

function merge<T>(base: T, patch: DeepPartial<T> | undefined): T {
  if (patch === undefined) return base
  if (Array.isArray(patch) || patch === null || typeof patch !== 'object') return patch as T
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) }
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key]
    out[key] = current && typeof current === 'object' && !Array.isArray(current) && value && typeof value === 'object' && !Array.isArray(value) ? merge(current, value) : value
  }
  return out as T
}

/** The base case with a deep patch, validated: throws with the problems if the patch is invalid. */
export function makeCase(patch?: DeepPartial<ClientCaseInput>): ClientCase {
  const parsed = parseClientCase(merge(baseCase, patch))
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  return parsed.value
}
