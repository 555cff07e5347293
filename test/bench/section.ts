export interface BenchSection {
  name: string
  run(): Promise<Record<string, number | string>>
}

/** Median of a list of durations in milliseconds, rounded to microseconds. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const value = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
  return Math.round(value * 1000) / 1000
}
