/** The benchmark sections, in the order they run. Add one line per section module. */
import { reportBench } from './report'
import { rulesBench } from './rules'
import type { BenchSection } from './section'

export const sections: BenchSection[] = [rulesBench, reportBench]
