// Writes the OpenAPI document generated from the route table to a file (default: stdout).
// Usage: node --import tsx --conditions=@portico/source scripts/openapi.ts [out.json]
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { openApiDocument } from '../src/openapi/document.js'

const text = `${JSON.stringify(openApiDocument(), null, 2)}\n`
const out = process.argv[2]
if (out) {
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, text)
} else process.stdout.write(text)
