/// <reference types="node" />
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// Vitest runs from the package folder (import.meta.url is not a file URL under jsdom).
const dist = join(process.cwd(), 'dist', 'index.js')

// What a server renderer does: import the npm build in plain Node, where there is no window,
// document or customElements, and call what is safe to call there.
const script = `
const widget = await import(${JSON.stringify(dist)})
await widget.defineElement()
console.log(JSON.stringify({
  exports: Object.keys(widget).sort(),
  hasWindow: typeof window !== 'undefined',
  source: widget.landingSource(),
}))
`

describe('npm build under SSR', () => {
  it('imports in plain Node without touching window or document', () => {
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
    expect(JSON.parse(output)).toEqual({
      exports: ['defineElement', 'embed', 'landingSource', 'mount'],
      hasWindow: false,
      source: {},
    })
  })
})
