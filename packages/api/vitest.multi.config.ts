import { defineConfig } from 'vitest/config'

// The multi-instance test: three API processes behind nginx on one PostgreSQL (`pnpm test:multi`).
export default defineConfig({
  resolve: { conditions: ['@portico/source'] },
  ssr: { resolve: { conditions: ['@portico/source'] } },
  test: { include: ['test-multi/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 60_000 },
})
