/**
 * Types for the renderer tests, which the Node typecheck (tsconfig.node.json) also reads: the DOM
 * library (the stores and components under test run in happy-dom) and `window.vangnet`
 * (`.vue` modules: vue-shim.d.ts), as src-renderer/src/env.d.ts declares them for the renderer's own typecheck.
 */
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { VangnetApi } from '../../shared/ipc'

declare global {
  interface Window {
    vangnet: VangnetApi
  }
}
