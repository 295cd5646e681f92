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
afterAll(() => server.close())
