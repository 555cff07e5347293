import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  test: {
    // The console report for people, and a JSON summary that .ci/run reads for its closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'app', include: ['test/**/*.test.ts'], exclude: ['test/office/**'] } },
      // Office mode against a real PostgreSQL: one throwaway cluster for the whole run.
      { extends: true, test: { name: 'office', include: ['test/office/**/*.test.ts'], globalSetup: ['test/office/global-setup.ts'] } },
    ],
  },
})
