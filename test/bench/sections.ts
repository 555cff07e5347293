/** The benchmark sections, in the order they run. Add one line per section module. */
import type { BenchSection } from './section'

export const sections: BenchSection[] = []
