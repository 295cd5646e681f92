import { describe, expect, it } from 'vitest'
import { entryPointButton, mountSnippet, originAllowed, scriptTag, splitList } from '../src/models/embed.js'

const ctx = {
  loaderUrl: 'https://api.example/portico/portico.js',
  apiUrl: 'https://api.example',
  slug: 'acme',
}

describe('embed snippets', () => {
  it('writes the script tag with the portal and API, and options only when set', () => {
    expect(scriptTag(ctx)).toBe(
      '<script src="https://api.example/portico/portico.js" data-portal="acme" data-api="https://api.example" async></script>',
    )
    expect(scriptTag(ctx, { tags: ['spring', 'vip'], locale: 'fr', mode: 'launcher' })).toContain(
      'data-mode="launcher" data-tags="spring,vip" data-locale="fr"',
    )
  })

  it('escapes attribute values', () => {
    expect(scriptTag({ ...ctx, slug: 'a"b<c' })).toContain('data-portal="a&quot;b&lt;c"')
    expect(entryPointButton({ label: '<Go>', tags: ['a"b'] })).toBe(
      '<button type="button" data-portico-open data-portico-tags="a&quot;b">&lt;Go></button>',
    )
  })

  it('writes an entry point for a process and the npm mount() call', () => {
    expect(entryPointButton({ process: 'kyc', label: 'Start', name: 'hero' })).toBe(
      '<button type="button" data-portico-open="hero" data-portico-process="kyc">Start</button>',
    )
    expect(mountSnippet(ctx)).toContain('portal: "acme",\n  api: "https://api.example",')
  })

  it('decides origins as the API does: exact, or any port with :*', () => {
    expect(originAllowed(['https://www.example.com'], 'https://www.example.com')).toBe(true)
    expect(originAllowed(['https://www.example.com'], 'https://evil.example.com')).toBe(false)
    expect(originAllowed(['http://localhost:*'], 'http://localhost:5173')).toBe(true)
    expect(originAllowed(['http://localhost:*'], 'http://localhost.evil.com:80')).toBe(false)
    expect(originAllowed([], 'https://www.example.com')).toBe(false)
  })

  it('splits typed lists on commas and lines', () => {
    expect(splitList(' spring, vip\nspring ,\n')).toEqual(['spring', 'vip'])
  })
})
