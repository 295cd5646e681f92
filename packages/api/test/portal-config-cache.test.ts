import type { KyselyPlugin } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../src/index.js'
import { type Api, setupApi } from './harness.js'
import { admin } from './helpers.js'

let api: Api
beforeEach(async () => {
  api = await setupApi()
})
afterEach(async () => {
  await api.close()
})

/** A second API instance on the same database, counting the statements it runs. */
function secondInstance() {
  const counter = { statements: 0 }
  // Counted as they answer: queries compiled once and run again are counted on every run.
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      counter.statements++
      return args.result
    },
  }
  const app = createApp({ db: api.db.kysely.withPlugin(plugin), console: false })
  return { app, counter }
}

describe('public portal config', () => {
  it('answers an ETag and Cache-Control, and 304 to a matching If-None-Match', async () => {
    const first = await api.app.request('/v1/portals/acme-services')
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('cache-control')).toContain('public')
    const again = await api.app.request('/v1/portals/acme-services', { headers: { 'if-none-match': etag! } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const stale = await api.app.request('/v1/portals/acme-services', {
      headers: { 'if-none-match': '"old"' },
    })
    expect(stale.status).toBe(200)
  })

  it('serves a warm config with one statement and sees a change made through another instance at once', async () => {
    const other = secondInstance()
    const cold = await other.app.request('/v1/portals/acme-services')
    const before = (await cold.json()) as { name: { en: string } }
    other.counter.statements = 0
    const warm = await other.app.request('/v1/portals/acme-services', {
      headers: { origin: 'http://localhost:8080' },
    })
    expect(warm.status).toBe(200)
    // The CORS check and the handler share one lookup: the organisation's config version.
    expect(other.counter.statements).toBe(1)

    const portals = await admin(api, 'GET', '/portals')
    const services = portals.body.items.find((p: { slug: string }) => p.slug === 'acme-services')
    await admin(api, 'PATCH', `/portals/${services.id}`, { name: { en: 'Acme services, renamed' } })
    const after = await other.app.request('/v1/portals/acme-services')
    expect(((await after.json()) as { name: { en: string } }).name.en).toBe('Acme services, renamed')
    expect(after.headers.get('etag')).not.toBe(cold.headers.get('etag'))
    expect(before.name.en).not.toBe('Acme services, renamed')

    // A process edit (its form, its archiving) reaches the config the same way.
    const processes = await admin(api, 'GET', '/processes')
    const kyc = processes.body.items.find((p: { slug: string }) => p.slug === 'kyc')
    await admin(api, 'PATCH', `/processes/${kyc.id}`, { name: { en: 'Prove who you are' } })
    const renamed = (await (await other.app.request('/v1/portals/acme-services')).json()) as {
      processes: { slug: string; name: { en: string } }[]
    }
    expect(renamed.processes.find((p) => p.slug === 'kyc')?.name.en).toBe('Prove who you are')
  })
})
