import { afterAll, afterEach, beforeAll } from 'vitest'
import { cleanupPortals } from './render.js'
import { server } from './server.js'

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanupPortals()
  server.resetHandlers()
})
afterAll(() => server.close())
