// Types for notarize.mjs, so the tests can import it from TypeScript.
export type NotarizeCredentials =
  | { appleApiKey: string; appleApiKeyId: string; appleApiIssuer: string }
  | { appleId: string; appleIdPassword: string; teamId: string }
export function notarizeCredentials(env: Record<string, string | undefined>): NotarizeCredentials | null
export interface AfterSignContext {
  appOutDir: string
  electronPlatformName: string
  packager: { appInfo: { productFilename: string } }
}
export default function notarizeMac(context: AfterSignContext): Promise<void>
