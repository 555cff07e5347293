/** Worker for the rules batch benchmark: advises the cases it is sent and reports the time taken. */
import { parentPort } from 'node:worker_threads'
import { advise } from '../../shared/rules/advise'
import type { ClientCase } from '../../shared/schema/case'

parentPort!.on('message', (cases: ClientCase[]) => {
  const start = performance.now()
  for (const clientCase of cases) advise(clientCase)
  parentPort!.postMessage(performance.now() - start)
})
