/** Shared test helpers for the vault: temp dirs, a cheap KDF, a fake keychain, sample data. */
import { expect } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { memoryKeyWrapper } from '../../src-main/browser-host'
import { VaultError, type KdfParameters, type KeyWrapper } from '../../src-main/store'
import { clientCaseSchema, type ClientCaseInput } from '../../shared/schema/case'
import type { AdviceResult } from '../../shared/schema/result'
import { advise } from '../../shared/rules/advise'
import { createServices, type ServiceDependencies, type Services } from '../../src-main/services'
import { reportPort } from '../../src-main/services/reports'

/** The lowest cost keys.ts accepts: tests need many vaults, not slow ones. */
export const fastKdf: KdfParameters = { algorithm: 'scrypt', N: 2 ** 10, r: 8, p: 1 }
export const passphrase = 'correct paard batterij niet'

const made: string[] = []

export function tempDir(prefix = 'vangnet-vault-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** Every file in a directory (recursively) as [path, bytes]. */
export function filesIn(dir: string): Array<[string, Buffer]> {
  const out: Array<[string, Buffer]> = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...filesIn(path))
    else out.push([path, readFileSync(path)])
  }
  return out
}

/** A stand-in for Electron safeStorage: the browser host's in-process AES-GCM key wrapper. */
export function fakeKeychain(options: { available?: boolean; id?: string } = {}): KeyWrapper {
  return memoryKeyWrapper({ id: options.id ?? 'test-keychain', available: options.available ?? true })
}

export function sampleCase(name = 'Fatima el Amrani'): ClientCaseInput {
  return {
    schemaVersion: 1,
    scenario: 'raad-van-state-2025',
    calculationYear: 2030,
    client: { name, birthDate: '1984-06-15', role: 'ib-ondernemer' },
    income: [{ year: 2029, profit: 52000 }],
    disability: { age: 50, degree: 0.8 },
  }
}

/** A real result from the rules engine, so stored versions always match the current schema. */
export function sampleResult(clientCase: ClientCaseInput = sampleCase()): AdviceResult {
  return advise(clientCaseSchema.parse(clientCase))
}

/**
 * The services as one "app start" in `dir` (vault and settings there), with the browser host's
 * key wrapper, the real rules and report port and a cheap KDF; a test overrides only what it is
 * about (the desktop port, the idle lock, the office opener, …).
 */
export function testServices(dir: string, overrides: Partial<ServiceDependencies> = {}): Services {
  return createServices({
    vaultPath: join(dir, 'v.vault'),
    settingsPath: join(dir, 'settings.json'),
    host: 'browser-host',
    appVersion: '0.0.0-test',
    keyWrapper: memoryKeyWrapper(),
    desktop: { openPdf: async () => true, savePdfAs: async () => null },
    advise,
    reports: reportPort(),
    vaultOptions: { kdf: fastKdf },
    ...overrides,
  })
}

/** A stored policy as the intake records it (the behaviour suites and the repository tests share it). */
export const samplePolicy = {
  insurer: 'Voorbeeld Verzekeringen',
  insuredAmount: 30000,
  waitingDays: 30,
  endAge: 'aow' as const,
  disabilityThresholdPercent: 25,
  criterion: 'beroeps' as const,
  medicalExclusions: false,
  annualPremium: 3100.5,
  startDate: '2020-01-01',
}

/** The VaultError a promise is refused with (fails the test when it resolves or throws anything else). */
export async function vaultFailure(promise: Promise<unknown>): Promise<VaultError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(VaultError)
  return error as VaultError
}
