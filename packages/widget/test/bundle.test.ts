/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// Reads the built CDN chunks: `pnpm -r build` (or `pnpm test` from the root) runs first.
// Vitest runs from the package folder (import.meta.url is not a file URL under jsdom).
const cdn = join(process.cwd(), 'dist', 'cdn', '/')
const chunks = readdirSync(cdn)
  .filter((file) => file.endsWith('.js'))
  .map((file) => ({ file, code: readFileSync(`${cdn}${file}`, 'utf8') }))

/** Code that must never reach a browser: server modules, Node built-ins, debug output. */
const FORBIDDEN: [name: string, pattern: RegExp][] = [
  ['better-sqlite3', /better-sqlite3/],
  ['kysely', /kysely/i],
  ['hono', /["'/]hono\b|\bHono\b/],
  ['pg', /["']pg["']/],
  ['nodemailer', /nodemailer/i],
  ['a node: built-in', /["']node:[a-z_/]+["']/],
  ['console.log', /console\.log\(/],
  ['console.debug', /console\.debug\(/],
  ['debugger', /\bdebugger\b/],
  ['preact/debug', /preact\/debug|Undefined component passed to createElement/],
  ['process.env', /process\.env/],
]

/** The forbidden things a chunk contains. */
const offences = (code: string) => FORBIDDEN.filter(([, pattern]) => pattern.test(code)).map(([name]) => name)

describe('widget CDN bundle', () => {
  it('has the chunks of the manifest', () => {
    const manifest = JSON.parse(readFileSync(`${cdn}manifest.json`, 'utf8')) as {
      entry: string
      initial: string[]
    }
    const files = chunks.map((chunk) => chunk.file)
    expect(files).toContain(manifest.entry)
    for (const file of manifest.initial) expect(files).toContain(file)
  })

  it('holds no server-only code, Node built-in or debug message', () => {
    const found = chunks.flatMap(({ file, code }) => offences(code).map((name) => `${file}: ${name}`))
    expect(found).toEqual([])
  })

  it('would notice them (the check itself can fail)', () => {
    expect(
      offences('import{Kysely as a}from"kysely";import b from"node:fs";console.log(a,b);debugger'),
    ).toEqual(['kysely', 'a node: built-in', 'console.log', 'debugger'])
  })
})
