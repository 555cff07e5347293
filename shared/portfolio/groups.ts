/**
 * The groups of contract portfolio-v1 (and the addition `incomplete`), in the order the screen and
 * the exports list them. A module of its own: the IPC schemas need the ids without the rules.
 */
export const groupIds = [
  'no-cover',
  'aov-fails-opt-out',
  'transitional-candidate',
  'aov-ends-before-aow',
  'over-insured',
  'shortfall-exceeds-buffer',
  'not-insured-group',
  'advice-outdated',
  'incomplete',
  'no-action',
] as const
export type GroupId = (typeof groupIds)[number]
