import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import openapiTS, { astToString } from 'openapi-typescript'
import { afterAll, describe, expect, it } from 'vitest'
import { openApiDocument } from '../src/openapi/document.js'

const dir = mkdtempSync(join(tmpdir(), 'portico-openapi-client-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A client a script writer would write against the generated types: a filtered, paged list call. */
const CLIENT = `
import type { paths } from './api.js'

type List = paths['/v1/admin/applications']['get']
type Query = NonNullable<List['parameters']['query']>
type Page = List['responses'][200]['content']['application/json']

export async function submittedWithTag(fetchJson: (url: string) => Promise<unknown>, cursor?: string) {
  const query: Query = { status: 'submitted', tag: 'spring', q: 'ada', sort: '-updatedAt', limit: 20 }
  if (cursor) query.cursor = cursor
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))
  const page = (await fetchJson('/v1/admin/applications?' + search.toString())) as Page
  const first = page.items[0]
  return { next: page.nextCursor, process: first?.process.slug, status: first?.status }
}

// @ts-expect-error: a status the API does not know
export const wrongStatus: Query = { status: 'lost' }
// @ts-expect-error: the limit is a number
export const wrongLimit: Query = { limit: 'twenty' }
`

describe('a client generated from /v1/openapi.json with openapi-typescript', () => {
  it('type-checks a call with query filters, and refuses wrong filter values', async () => {
    const ast = await openapiTS(openApiDocument() as never)
    writeFileSync(join(dir, 'api.ts'), astToString(ast))
    writeFileSync(join(dir, 'client.ts'), CLIENT)
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'nodenext',
          target: 'es2022',
          skipLibCheck: true,
          exactOptionalPropertyTypes: true,
          types: [],
        },
        files: ['client.ts'],
      }),
    )
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
    const result = await promisify(execFile)(process.execPath, [tsc, '-p', dir]).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout, failed: true }),
    )
    expect(result.stdout).toBe('')
    expect('failed' in result).toBe(false)
  }, 60_000)
})
