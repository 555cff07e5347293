/** vitest global setup of the office project: one PostgreSQL cluster for the whole test run. */
import type { TestProject } from 'vitest/node'
import { startCluster, type ClusterInfo } from './cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    officeCluster: ClusterInfo
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startCluster()
  const { stop, ...info } = cluster
  project.provide('officeCluster', info)
  return stop
}
