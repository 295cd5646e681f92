import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Browser files each start an API and Chromium: one at a time on a small machine.
    fileParallelism: false,
    expect: { poll: { timeout: 10_000 } },
  },
  resolve: { conditions: ['@portico/source'] },
  ssr: { resolve: { conditions: ['@portico/source'] } },
})
