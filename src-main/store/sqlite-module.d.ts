// better-sqlite3-multiple-ciphers ships index.d.ts, but its package.json "exports" hides that file
// from TypeScript's bundler resolution. connection.ts imports the value through this untyped
// declaration and casts it to the package's own declarations, imported by relative path.
declare module 'better-sqlite3-multiple-ciphers' {
  const constructor: unknown
  export default constructor
}
