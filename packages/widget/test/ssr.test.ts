import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url))

// What a server renderer does: import the npm build in plain Node, where there is no window,
// document or customElements, and call what is safe to call there.
const script = `
const widget = await import(${JSON.stringify(dist)})
widget.defineElement()
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
