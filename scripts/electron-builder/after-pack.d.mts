// Types for after-pack.mjs, so the tests can import it from TypeScript.
export function expectedPrebuild(platform: string, arch: string): string
export function unpackedPrebuildsDir(resourcesDir: string): string
export function prebuildProblem(found: string[], expected: string): string | null
export interface AfterPackContext {
  appOutDir: string
  electronPlatformName: string
  arch: number
  packager: { getResourcesDir(appOutDir: string): string }
}
export default function afterPack(context: AfterPackContext): Promise<void>
