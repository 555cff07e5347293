/**
 * Headless command benchmark (issue 14): the built command answers `--version` within 300 ms and
 * one `advise` within 500 ms, started the way a user starts it (node bin/vangnet.mjs, which checks
 * that the bundle is current). `node -e 0` on the same machine is the floor: Node's own start.
 * Each figure is the median of several fresh processes, wall-clock.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { median, type BenchSection } from './section'

const root = join(import.meta.dirname, '../..')
const launcher = join(root, 'bin/vangnet.mjs')
const runs = 9

function timeProcess(args: string[]): number {
  const samples: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
    samples.push(performance.now() - started)
  }
  return median(samples)
}

export const cliBench: BenchSection = {
  name: 'cli',
  async run() {
    // Build (or confirm the build) once, outside the timings.
    execFileSync(process.execPath, [launcher, '--version'], { cwd: root, stdio: 'ignore' })
    return {
      nodeFloorMs: timeProcess(['-e', '0']),
      versionMs: timeProcess([launcher, '--version']),
      adviseMs: timeProcess([launcher, 'advise', 'resources/cases/starter.json', '--json']),
    }
  },
}
