/**
 * The desktop side of reports: open a PDF in the system viewer (from a private temporary copy) and
 * "save as" through the native dialog. Only PDFs that Vangnet made reach here.
 */
import { app, dialog, shell, type BrowserWindow } from 'electron'
import { mkdtempSync, promises as fs } from 'node:fs'
import { join } from 'node:path'
import type { DesktopPort } from '../services'

export function electronDesktop(window: () => BrowserWindow | null): DesktopPort {
  let openDir: string | null = null
  return {
    async openPdf(fileName, pdf) {
      openDir ??= mkdtempSync(join(app.getPath('temp'), 'vangnet-'))
      const path = join(openDir, fileName.replace(/[^A-Za-z0-9._-]/g, '_'))
      await fs.writeFile(path, pdf, { mode: 0o600 })
      // openPath, not openExternal: a local file we wrote, opened with the viewer the OS chooses.
      return (await shell.openPath(path)) === ''
    },
    async savePdfAs(fileName, pdf) {
      const owner = window()
      const options = { defaultPath: join(app.getPath('documents'), fileName), filters: [{ name: 'PDF', extensions: ['pdf'] }] }
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return null
      await fs.writeFile(choice.filePath, pdf)
      return choice.filePath
    },
  }
}
