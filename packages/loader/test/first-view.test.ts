import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const manifest = JSON.parse(readFileSync(require.resolve('@portico/widget/cdn/manifest.json'), 'utf8')) as {
  entry: string
  initial: string[]
}

describe('the CDN build the loader imports', () => {
  it('puts the whole first view in the entry, so it arrives beside the portal config in one round trip', () => {
    // The loader fetches the entry and the config in parallel; any file the entry imported
    // statically would be one more sequential round trip before the first view (issue 13).
    expect(manifest.initial).toEqual([manifest.entry])
  })
})
