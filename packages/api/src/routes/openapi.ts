import type { Hono } from 'hono'
import type { AppEnv } from '../env.js'
import { openApiDocument } from '../openapi/document.js'
import { route } from './route.js'

/** Serves the OpenAPI 3.1 document generated from the route table (`/health` and `/ready` live in `health.ts`). */
export function mountMetaRoutes(app: Hono<AppEnv>): void {
  const document = openApiDocument()
  route(app, 'getOpenApi', async () => document)
}
