/**
 * The desktop side of reports and exports: open a PDF in the system viewer (from a private
 * temporary copy, removed again on lock and quit) and "save as" through the native dialog
 * (owner-only file). Only files that Vangnet made reach here.
 */
import { app, dialog, shell, type BrowserWindow } from 'electron'
import { mkdtempSync, promises as fs, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { DesktopPort } from '../services'

export function electronDesktop(window: () => BrowserWindow | null): DesktopPort {
  let openDir: string | null = null
  async function saveAs(fileName: string, bytes: Buffer, filter: { name: string; extensions: string[] }): Promise<string | null> {
    const owner = window()
    const options = { defaultPath: join(app.getPath('documents'), fileName), filters: [filter] }
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
    if (choice.canceled || !choice.filePath) return null
    // Owner-only: reports and exports hold client data.
    await fs.writeFile(choice.filePath, bytes, { mode: 0o600 })
    await fs.chmod(choice.filePath, 0o600)
    return choice.filePath
  }
  return {
    async openPdf(fileName, pdf) {
      openDir ??= mkdtempSync(join(app.getPath('temp'), 'vangnet-'))
      const path = join(openDir, fileName.replace(/[^A-Za-z0-9._-]/g, '_'))
      await fs.writeFile(path, pdf, { mode: 0o600 })
      // openPath, not openExternal: a local file we wrote, opened with the viewer the OS chooses.
      return (await shell.openPath(path)) === ''
    },
    savePdfAs: (fileName, pdf) => saveAs(fileName, pdf, { name: 'PDF', extensions: ['pdf'] }),
    saveFileAs: saveAs,
    discardOpenedCopies() {
      // Synchronous: on quit there is no later moment. A viewer that still has a file open keeps
      // its own handle; on Windows the removal then fails and the OS temp cleanup takes it.
      if (openDir) rmSync(openDir, { recursive: true, force: true, maxRetries: 2 })
      openDir = null
    },
  }
}
