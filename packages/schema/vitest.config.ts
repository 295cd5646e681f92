import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@portico/source'] },
  ssr: { resolve: { conditions: ['@portico/source'] } },
  test: { include: ['test/**/*.test.ts'], testTimeout: 5_000 },
})
