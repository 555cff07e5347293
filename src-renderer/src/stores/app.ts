import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '../../../shared/ipc'

export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  async function load(): Promise<void> {
    info.value = await window.vangnet.appInfo()
  }
  return { info, load }
})
