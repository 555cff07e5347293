import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['test/**/*.test.ts'],
    // The console report for people, and a JSON summary that .ci/run reads for its closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
