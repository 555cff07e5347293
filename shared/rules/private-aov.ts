/**
 * A private AOV (existing policy or quote): its benefit by degree and its premium per year.
 * RADI-2024 q12: "Een uitkering van een private AOV is een percentage van het verzekerde bedrag"
 * with the usual AOV scale (80–100 %: 100 %, 65–80 %: 75 %, 55–65 %: 60 %, 45–55 %: 50 %,
 * 35–45 %: 40 %, 25–35 %: 30 %, below 25 %: none), and never below the policy's own threshold.
 */
import type Decimal from 'decimal.js'
import { Money, roundCents, zero } from '../money'
import type { PrivatePolicy } from '../schema/case'

const privateScale: readonly { from: number; share: string }[] = [
  { from: 0.8, share: '1' },
  { from: 0.65, share: '0.75' },
  { from: 0.55, share: '0.60' },
  { from: 0.45, share: '0.50' },
  { from: 0.35, share: '0.40' },
  { from: 0.25, share: '0.30' },
]

/** Share of the insured amount paid at a degree of disability (RADI-2024 q12). */
export function privateBenefitShare(policy: Pick<PrivatePolicy, 'disabilityThresholdPercent'>, degree: number): Decimal {
  if (degree * 100 < policy.disabilityThresholdPercent) return zero
  const row = privateScale.find((candidate) => degree >= candidate.from)
  return row ? new Money(row.share) : zero
}

export function privateAnnualBenefit(policy: PrivatePolicy, degree: number): Decimal {
  return roundCents(new Money(policy.insuredAmount).times(privateBenefitShare(policy, degree)))
}

/**
 * Premium in a year: the entered yearly premium, grown by the policy's premium indexation per year
 * after the first projected year (for a rising premium that is its yearly rise).
 */
export function privatePremiumForYear(policy: PrivatePolicy, yearsAfterFirst: number): Decimal {
  const premium = new Money(policy.annualPremium)
  if (policy.premiumIndexation === 0 || yearsAfterFirst <= 0) return premium
  // (1 + indexation) ^ years: an integer power, a few multiplications (the projection asks once per year and policy).
  return roundCents(premium.times(new Money(1).plus(policy.premiumIndexation).pow(yearsAfterFirst)))
}
