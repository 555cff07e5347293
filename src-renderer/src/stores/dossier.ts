/**
 * The open client dossier: the intake draft, its validation against the shared case schema, and
 * autosave. Every change is saved shortly after the adviser stops typing (and at once on blur,
 * route change, lock and window close); invalid input is saved as typed too, so nothing is lost.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, toRaw, watch } from 'vue'
import type { ClientRecord } from '../../../shared/ipc'
import type { FieldProblem } from '../../../shared/schema/messages'
import { call, messageOf } from '../lib/api'
import { normaliseDraft, problemsByPath, validateDraft, type IntakeDraft } from '../../../shared/intake/draft'

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error'

export const autosaveDelayMs = 400

export const useDossierStore = defineStore('dossier', () => {
  const record = shallowRef<ClientRecord | null>(null)
  const draft = ref<IntakeDraft | null>(null)
  const saveState = ref<SaveState>('idle')
  const saveError = ref<string | null>(null)
  const lastSavedAt = ref<string | null>(null)
  /** Fields the adviser has left at least once: errors show there (and everywhere after "toon alles"). */
  const touched = ref<Set<string>>(new Set())
  const showAllProblems = ref(false)
  let timer: ReturnType<typeof setTimeout> | null = null
  let saving: Promise<void> | null = null
  let dirtyAgain = false
  let loading = false

  const validation = computed(() => (draft.value ? validateDraft(draft.value) : null))
  const problems = computed<FieldProblem[]>(() => validation.value?.problems ?? [])
  const problemMap = computed(() => problemsByPath(problems.value))
  const clientCase = computed(() => (validation.value?.ok ? validation.value.value : null))

  function problemFor(path: string): string | undefined {
    if (!showAllProblems.value && !touched.value.has(path)) return undefined
    return problemMap.value[path]
  }

  function touch(path: string): void {
    if (touched.value.has(path)) return
    touched.value = new Set([...touched.value, path])
  }

  async function open(id: number): Promise<void> {
    if (record.value?.id === id && draft.value) return
    await flush()
    show(await call('getClient', { id }))
  }

  /**
   * Show the dossier as the book has it now; edits not saved are dropped. Also used when an office
   * draft copy was taken over or thrown away (the main process answers with the fresh record).
   */
  function show(loaded: ClientRecord): void {
    if (timer) clearTimeout(timer)
    timer = null
    loading = true
    record.value = loaded
    draft.value = normaliseDraft(loaded.draft, loaded.name, loaded.birthDate ?? '')
    touched.value = new Set()
    showAllProblems.value = false
    saveState.value = 'saved'
    lastSavedAt.value = loaded.updatedAt
    saveError.value = null
    loading = false
  }

  function close(): void {
    record.value = null
    draft.value = null
  }

  function schedule(): void {
    if (loading || !draft.value) return
    saveState.value = 'pending'
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void flush(), autosaveDelayMs)
  }

  /** Save now (if anything is pending); resolves when the vault has it. */
  async function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer)
      timer = null
    }
    if (saving) {
      dirtyAgain = saveState.value === 'pending' || dirtyAgain
      await saving
      if (!dirtyAgain) return
    }
    if (saveState.value !== 'pending' && saveState.value !== 'error') return
    if (!record.value || !draft.value) return
    dirtyAgain = false
    const id = record.value.id
    const snapshot = JSON.parse(JSON.stringify(toRaw(draft.value))) as Record<string, unknown>
    // Only the draft goes: the main process derives the case from it with the same shared code.
    saveState.value = 'saving'
    saving = (async () => {
      try {
        const result = await call('saveDraft', { id, draft: snapshot })
        lastSavedAt.value = result.savedAt
        saveError.value = null
        saveState.value = dirtyAgain ? 'pending' : 'saved'
        if (record.value?.id === id) {
          const name = draft.value?.client.name.trim()
          record.value = { ...record.value, name: name || record.value.name, updatedAt: result.savedAt }
        }
      } catch (error) {
        saveError.value = messageOf(error)
        saveState.value = 'error'
      } finally {
        saving = null
      }
    })()
    await saving
    if ((saveState.value as SaveState) === 'pending') await flush()
  }

  // Synchronous, so that loading a dossier (which sets `loading`) never counts as an edit.
  watch(draft, schedule, { deep: true, flush: 'sync' })

  return {
    record,
    draft,
    saveState,
    saveError,
    lastSavedAt,
    validation,
    problems,
    problemMap,
    clientCase,
    showAllProblems,
    touched,
    problemFor,
    touch,
    open,
    show,
    close,
    flush,
  }
})
