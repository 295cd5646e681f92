import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Chromium on a busy 2-core CI machine: give polled assertions time before calling them failed.
    expect: { poll: { timeout: 10_000 } },
  },
})
