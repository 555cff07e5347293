// The boundary rules, in one place: used by eslint.config.js and by test/boundaries/*.test.ts.

/** Import specifiers that shared/ may never use (glob patterns, gitignore style). */
export const sharedForbiddenImports = [
  'electron',
  'electron/*',
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'worker_threads',
  'url',
  'stream',
  'buffer',
  'util',
  'better-sqlite3',
  'better-sqlite3-multiple-ciphers',
  'vue',
  'pinia',
  'vue-router',
  'vue-i18n',
]

/** Globals of Node and the DOM that shared/ may not touch. */
export const sharedForbiddenGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'process',
  'Buffer',
  'require',
  '__dirname',
  '__filename',
  'global',
]
