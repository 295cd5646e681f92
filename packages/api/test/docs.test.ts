import { readFileSync } from 'node:fs'
import { OPERATIONS } from '@portico/schema'
import { describe, expect, it } from 'vitest'
import { operationsTable, rolesDocument } from '../src/openapi/docs.js'

const docs = new URL('../../../docs/', import.meta.url)
/** Table padding and separator length are the formatter's business, not the content's. */
const normalize = (text: string) => text.replace(/-{3,}/g, '---').replace(/\s+/g, '')

describe('docs generated from the route table', () => {
  it('list every operation in docs/rest-api.md and every staff role in docs/roles.md (run pnpm docs:api)', () => {
    const restApi = readFileSync(new URL('rest-api.md', docs), 'utf8')
    expect(normalize(restApi)).toContain(normalize(operationsTable()))
    for (const id of Object.keys(OPERATIONS)) expect(restApi).toContain(`\`${id}\``)
    expect(normalize(readFileSync(new URL('roles.md', docs), 'utf8'))).toBe(normalize(rolesDocument()))
  })
})
