/** The client list: instant search, recent clients, create and erase. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ClientListEntry, ClientRecord, ErasureOutcome } from '../../../shared/ipc'
import { call } from '../lib/api'

export const useClientsStore = defineStore('clients', () => {
  const query = ref('')
  const results = ref<ClientListEntry[]>([])
  const recent = ref<ClientListEntry[]>([])
  let searchSeq = 0

  async function search(text: string = query.value): Promise<void> {
    query.value = text
    const seq = ++searchSeq
    const found = await call('listClients', { query: text })
    // Answers can overtake each other while typing fast: only the latest counts.
    if (seq === searchSeq) results.value = found
  }

  async function loadRecent(): Promise<void> {
    recent.value = await call('recentClients', {})
  }

  async function create(name: string, birthDate: string): Promise<ClientRecord> {
    const record = await call('createClient', { name, birthDate })
    await Promise.all([search(), loadRecent()])
    return record
  }

  /** Erase (AVG); the outcome says whether the data already left the vault file or server. */
  async function erase(id: number, confirmName: string): Promise<ErasureOutcome> {
    const outcome = await call('eraseClient', { id, confirmName })
    await Promise.all([search(), loadRecent()])
    return outcome
  }

  function clear(): void {
    query.value = ''
    results.value = []
    recent.value = []
  }

  return { query, results, recent, search, loadRecent, create, erase, clear }
})
