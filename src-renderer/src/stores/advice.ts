/** Advice versions of the open client: save (immutable), list with changes, report, verify. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AdviceVersionSummary, ReportInfo, VerifyResult } from '../../../shared/ipc'
import type { ClientCase } from '../../../shared/schema/case'
import type { OptionId } from '../../../shared/schema/result'
import { call } from '../lib/api'

export const useAdviceStore = defineStore('advice', () => {
  const clientId = ref<number | null>(null)
  const versions = ref<AdviceVersionSummary[]>([])
  const verifications = ref<Record<number, VerifyResult>>({})

  async function load(id: number): Promise<void> {
    clientId.value = id
    versions.value = await call('listAdvice', { clientId: id })
  }

  async function save(clientCase: ClientCase, chosenOption: OptionId, recommendation: string): Promise<AdviceVersionSummary & { created: boolean }> {
    if (clientId.value === null) throw new Error('no client')
    const saved = await call('saveAdvice', { clientId: clientId.value, clientCase, chosenOption, recommendation })
    await load(clientId.value)
    return saved
  }

  async function makeReport(adviceId: number, certificatePassword: string): Promise<ReportInfo> {
    const info = await call('makeReport', { adviceId, certificatePassword })
    if (clientId.value !== null) await load(clientId.value)
    return info
  }

  async function verify(adviceId: number): Promise<VerifyResult> {
    const result = await call('verifyReport', { adviceId })
    verifications.value = { ...verifications.value, [adviceId]: result }
    return result
  }

  const open = (adviceId: number) => call('openReport', { adviceId })
  const saveAs = (adviceId: number) => call('saveReportAs', { adviceId })

  return { clientId, versions, verifications, load, save, makeReport, verify, open, saveAs }
})
