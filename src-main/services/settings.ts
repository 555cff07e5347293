/**
 * App settings that are not personal data (auto-lock minutes, language): a small JSON file next to
 * the vault, readable before the vault is unlocked (the lock screen needs the language).
 */
import { promises as fs } from 'node:fs'
import { dirname } from 'node:path'
import type { Language } from '../../shared/format'
import { defaultSettings, settingsSchema, type Settings } from '../../shared/ipc'

export class SettingsFile {
  constructor(private readonly path: string) {}

  async read(): Promise<Settings> {
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(await fs.readFile(this.path, 'utf8')))
      return parsed.success ? parsed.data : { ...defaultSettings }
    } catch {
      return { ...defaultSettings }
    }
  }

  async write(settings: Settings): Promise<Settings> {
    const valid = settingsSchema.parse(settings)
    await fs.mkdir(dirname(this.path), { recursive: true })
    const temporary = `${this.path}.tmp`
    await fs.writeFile(temporary, JSON.stringify(valid, null, 2), { mode: 0o600 })
    await fs.rename(temporary, this.path)
    return valid
  }

  /** The language of the screens, for texts the main process writes for them (reports, reasons, change lines). */
  async language(): Promise<Language> {
    return (await this.read()).language === 'en-GB' ? 'en' : 'nl'
  }
}
