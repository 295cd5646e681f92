// Regenerates the operation table of docs/rest-api.md and docs/roles.md from the route table,
// then formats them as `pnpm lint` expects.
// Usage: node --import tsx --conditions=@portico/source scripts/docs.ts
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { rolesDocument, withOperationsTable } from '../src/openapi/docs.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const restApi = `${root}docs/rest-api.md`
const roles = `${root}docs/roles.md`
writeFileSync(restApi, withOperationsTable(readFileSync(restApi, 'utf8')))
writeFileSync(roles, rolesDocument())
execFileSync('pnpm', ['exec', 'biome', 'format', '--write', restApi, roles], { cwd: root, stdio: 'inherit' })
