import { configure } from '@testing-library/preact'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { cleanupPortals } from './render.js'
import { server } from './server.js'

// Lazy chunks load on first use; on a busy shared CI machine that takes more than the default second.
configure({ asyncUtilTimeout: 5000 })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanupPortals()
  server.resetHandlers()
})
afterAll(async () => {
  server.close()
  // Preact runs effects after paint, with a 35 ms timer when no frame comes: let the last test's
  // timers fire while jsdom's globals (cancelAnimationFrame) still exist.
  await new Promise((resolve) => setTimeout(resolve, 100))
})
