import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'

let dir: string
let loader: string
let api: Api
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'portico-console-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>')
  writeFileSync(join(dir, 'assets', 'index-AbCdEf12.js'), 'console.log(1)')
  writeFileSync(join(dir, 'preview.html'), '<!doctype html><title>preview</title>')
  loader = mkdtempSync(join(tmpdir(), 'portico-loader-'))
  writeFileSync(join(loader, 'portico.js'), '/* loader */')
  writeFileSync(join(dir, '..', 'secret.txt'), 'not for the web')
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(loader, { recursive: true, force: true })
  rmSync(join(dir, '..', 'secret.txt'), { force: true })
})
afterEach(async () => {
  await api.close()
})

describe('serving the staff console', () => {
  it('answers index.html for every screen path, with a strict CSP that forbids framing', async () => {
    api = await setupApi({ app: { console: { dir } } })
    for (const path of ['/console/', '/console/inbox', '/console/applications/123']) {
      const res = await api.app.request(path)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('<title>console</title>')
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("script-src 'self'")
      expect(csp).not.toContain('unsafe-inline')
      expect(csp).toContain("frame-ancestors 'none'")
      expect(res.headers.get('cache-control')).toBe('no-cache')
    }
    const preview = await api.app.request('/console/preview.html')
    expect(preview.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
  })

  it('caches hashed assets for good and never serves a file outside its folder', async () => {
    api = await setupApi({ app: { console: { dir } } })
    const asset = await api.app.request('/console/assets/index-AbCdEf12.js')
    expect(asset.headers.get('content-type')).toContain('text/javascript')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    for (const path of [
      '/console/../secret.txt',
      '/console/%2e%2e/secret.txt',
      '/console/assets/missing.js',
    ]) {
      const res = await api.app.request(path)
      expect(res.status).toBe(404)
      expect(await res.text()).not.toContain('not for the web')
    }
    expect((await api.app.request('/console')).headers.get('location')).toBe('/console/')
  })

  it('can be turned off, and tells the console where the loader is when the API serves it', async () => {
    api = await setupApi({ app: { console: false } })
    expect((await api.app.request('/console/')).status).toBe(404)
    await api.close()
    api = await setupApi({ app: { console: { dir }, loader: { dir: loader } } })
    const config = await api.app.request('/console/config.json')
    expect(await config.json()).toEqual({ loaderPath: '/portico/portico.js' })
    expect(await (await api.app.request('/portico/portico.js')).text()).toBe('/* loader */')
  })
})
