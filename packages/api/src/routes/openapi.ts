import { Hono } from 'hono'
import type { AppEnv } from '../env.js'
import { openApiDocument } from '../openapi/document.js'

/** Serves the OpenAPI 3.1 document at `/openapi.json` (mounted under `/v1`). */
export function openApiRoute() {
  const document = openApiDocument()
  return new Hono<AppEnv>().get('/openapi.json', (c) => c.json(document))
}
