/** The benchmark sections, in the order they run. Add one line per section module. */
import { cliBench } from './cli'
import { portfolioBench } from './portfolio'
import { firstReportBench } from './first-report'
import { officeBench } from './office'
import { reportBench } from './report'
import { rulesBench } from './rules'
import type { BenchSection } from './section'
import { uiBench } from './ui'
import { vaultBench } from './vault'

export const sections: BenchSection[] = [rulesBench, reportBench, firstReportBench, vaultBench, officeBench, uiBench, cliBench, portfolioBench]
