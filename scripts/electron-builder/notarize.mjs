// electron-builder afterSign hook: notarizes the signed macOS app with Apple's notary service,
// and does nothing when no Apple credentials are set (local builds, forks, CI without secrets),
// so an unsigned development build never fails here.
import process from 'node:process'

/**
 * The notarytool credentials found in the environment, or null. Two ways are supported, as in
 * electron-builder's own notarization:
 * - an App Store Connect API key: APPLE_API_KEY (path to the .p8 file), APPLE_API_KEY_ID,
 *   APPLE_API_ISSUER;
 * - an Apple ID: APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID.
 * A partial set is an error: it means a secret is missing, and silently skipping would ship an
 * app that Gatekeeper blocks.
 */
export function notarizeCredentials(env) {
  const apiKey = ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER']
  const appleId = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']
  const present = (names) => names.filter((name) => Boolean(env[name]))
  for (const names of [apiKey, appleId]) {
    const found = present(names)
    if (found.length > 0 && found.length < names.length) {
      throw new Error(`notarization: ${found.join(', ')} set but ${names.filter((n) => !found.includes(n)).join(', ')} missing`)
    }
  }
  if (present(apiKey).length === apiKey.length) {
    return { appleApiKey: env.APPLE_API_KEY, appleApiKeyId: env.APPLE_API_KEY_ID, appleApiIssuer: env.APPLE_API_ISSUER }
  }
  if (present(appleId).length === appleId.length) {
    return { appleId: env.APPLE_ID, appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD, teamId: env.APPLE_TEAM_ID }
  }
  return null
}

export default async function notarizeMac(context) {
  if (context.electronPlatformName !== 'darwin') return
  const credentials = notarizeCredentials(process.env)
  if (!credentials) {
    process.stdout.write('  • notarization skipped: no Apple credentials set (see README, "Signing")\n')
    return
  }
  const appPath = `${context.appOutDir}/${context.packager.appInfo.productFilename}.app`
  // Loaded only here, so builds for other platforms never need it.
  const { notarize } = await import('@electron/notarize')
  process.stdout.write(`  • notarizing ${appPath}\n`)
  await notarize({ tool: 'notarytool', appPath, ...credentials })
}
