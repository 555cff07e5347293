/**
 * Parameter packs under Instellingen: the packs kept next to the vault (src-main/params), made
 * active in this process on unlock, imported (with a preview of what they change) and rolled back.
 * The window gets the active update through params:status, so its own calculations use the same
 * parameters as the main process.
 */
import type { IpcParsedRequest, ParamsImportResult, ParamsStatus } from '../../shared/ipc'
import { activeParameterUpdate, parameterSetLabel, setParameterUpdate } from '../../shared/parameters/update'
import { PackError, PackStore, packStorePath } from '../params'
import { ServiceError } from './errors'

export function paramsServices(vaultPath: string, now: () => Date, publicKey?: string) {
  const store = new PackStore(packStorePath(vaultPath), publicKey)
  let problem: string | null = null

  function status(): ParamsStatus {
    let packs: ParamsStatus['packs'] = []
    try {
      packs = store.list().map(({ id, label, publishedAt, importedAt, active }) => ({ id, label, publishedAt, importedAt, active }))
    } catch (error) {
      if (!(error instanceof PackError)) throw error
      problem = error.message
    }
    const update = activeParameterUpdate()
    return { packs, activeLabel: parameterSetLabel() ?? null, update, problem }
  }

  return {
    /** On unlock: use the vault's active pack; a pack that no longer verifies is not used. */
    activate(): void {
      try {
        store.activate()
        problem = null
      } catch (error) {
        if (!(error instanceof PackError)) throw error
        setParameterUpdate(null)
        problem = error.message
      }
    },
    status,
    async import({ fileBase64, dryRun }: IpcParsedRequest<'params:import'>): Promise<ParamsImportResult> {
      try {
        const { content, changes } = await store.import(Buffer.from(fileBase64, 'base64'), { dryRun, now: now() })
        return { id: content.id, label: content.label, publishedAt: content.publishedAt, changes, status: status() }
      } catch (error) {
        if (error instanceof PackError) throw new ServiceError('invalid-input', error.message)
        throw error
      }
    },
    async rollback(): Promise<ParamsStatus> {
      try {
        await store.rollback()
      } catch (error) {
        if (error instanceof PackError) throw new ServiceError('invalid-input', error.message)
        throw error
      }
      return status()
    },
  }
}
