import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

// The project keeps non-default folders (src-main/, src-renderer/), so every entry is explicit.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The report worker is its own entry: the main process renders PDFs in a worker thread.
      lib: { entry: { index: resolve('src-main/main/index.ts'), 'render-worker': resolve('src-main/reports/render-worker.ts') } },
      // ECharts, zod and decimal.js are bundled in (the parts used): loaded from node_modules as
      // several hundred modules they made the report worker's first report half a second slower.
      externalizeDeps: { exclude: ['echarts', 'zod', 'decimal.js'] },
      rollupOptions: {
        // The native SQLite module is loaded at run time, never bundled.
        external: ['better-sqlite3-multiple-ciphers'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS: an ESM preload does not load with sandbox: true.
      lib: { entry: resolve('src-main/preload/index.ts'), formats: ['cjs'] },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    plugins: [vue()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
  },
})
