// Flat ESLint config. Besides style, it enforces the runtime boundaries of docs/architecture.md:
// shared/ is pure (no Electron, Node, DOM or native module); only the Electron shell
// (src-main/main and the preload it loads) imports `electron`.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import { sharedForbiddenImports, sharedForbiddenGlobals } from './test/boundaries/rules.js'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser }, globals: globals.browser },
  },
  {
    files: ['src-main/**/*.ts', 'test/**/*.ts', '*.config.ts', '*.config.js', 'test/**/*.js', 'bin/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src-renderer/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: sharedForbiddenImports.map((group) => ({ group: [group], message: 'shared/ is pure TypeScript: no Electron, Node, DOM or native modules (docs/architecture.md).' })) }],
      'no-restricted-globals': ['error', ...sharedForbiddenGlobals],
    },
  },
  {
    files: ['src-main/**/*.ts', 'src-renderer/**/*.ts', 'src-renderer/**/*.vue', 'test/**/*.ts'],
    ignores: ['src-main/main/**', 'src-main/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src-main/main (and its preload) imports electron.' }] }],
    },
  },
)
