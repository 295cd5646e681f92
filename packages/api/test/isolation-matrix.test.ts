import { OPERATIONS } from '@portico/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin, login, otherOrganisation, PDF, upload } from './helpers.js'

const ROUTES_ = Object.values(OPERATIONS)

let api: Api
const ids: Record<string, string> = {}
let danaApplication: string
let attachmentId: string
beforeAll(async () => {
  api = await setupApi()
  for (const name of [
    'processes',
    'portals',
    'profiles',
    'companies',
    'contacts',
    'contracts',
    'applications',
  ]) {
    ids[name] = (await admin(api, 'GET', `/${name}`)).body.items[0].id
  }
  const dana = await login(api)
  danaApplication = (await api.call('GET', '/v1/me/applications', { token: dana })).body.items[0].id
  attachmentId = (
    await upload(api, `/v1/me/applications/${danaApplication}/attachments`, dana, {
      name: 'a.pdf',
      type: 'application/pdf',
      bytes: PDF,
    })
  ).body.id
  await admin(api, 'POST', `/applications/${danaApplication}/notes`, { body: 'Only for Dana' })
  ids.outbox = (await admin(api, 'GET', '/outbox')).body.items[0].id
})
afterAll(async () => {
  await api.close()
})

/** A body that would pass validation on each write endpoint, so only ownership can refuse it. */
const VALID: Record<string, unknown> = {
  '/v1/admin/processes/{id}': { name: { en: 'Mine now' } },
  '/v1/admin/portals/{id}': { name: { en: 'Mine now' } },
  '/v1/admin/profiles/{id}': { name: 'Mine now' },
  '/v1/admin/companies/{id}': { name: 'Mine now' },
  '/v1/admin/contacts/{id}': { name: 'Mine now' },
  '/v1/admin/contracts/{id}': { title: 'Mine now' },
  '/v1/admin/contacts/{id}/invitations': { portal: 'other-portal' },
  '/v1/admin/applications/{id}/status': { status: 'approved' },
  '/v1/admin/applications/{id}/notes': { body: 'Mine now' },
  '/v1/me/applications/{id}/notes': { body: 'Mine now' },
}

function fill(path: string): string {
  const kind = /\/v1\/(?:admin|me)\/(\w+)\//.exec(path)?.[1] ?? ''
  const id = path.startsWith('/v1/me/applications') ? danaApplication : (ids[kind] ?? 'x')
  return path.replace('{id}', id).replace('{attachmentId}', attachmentId)
}

describe('another organisation and another contact', () => {
  it('are refused on every endpoint that names one of our records, and nothing of it leaks', async () => {
    const other = await otherOrganisation(api)
    const routes = ROUTES_.filter((r) => r.path.includes('{id}') && !r.path.includes('/company/'))
    expect(routes.length).toBeGreaterThan(20)
    for (const route of routes) {
      const path = fill(route.path)
      const body = route.method === 'get' ? undefined : VALID[route.path]
      const token = route.auth === 'staff' ? other.key : other.token
      const res = await api.call(route.method.toUpperCase(), path, { token, ...(body ? { body } : {}) })
      expect([400, 403, 404, 415], `${route.method} ${path}`).toContain(res.status)
      const text = JSON.stringify(res.body)
      for (const secret of ['Dana', 'demo@acme.test', 'Only for Dana', 'Globex', 'Master services']) {
        expect(text, `${route.method} ${path}`).not.toContain(secret)
      }
    }
    const after = await admin(api, 'GET', `/applications/${danaApplication}`)
    expect(after.body.status).toBe('submitted')
    expect(after.body.notes.map((n: { body: string }) => n.body)).toEqual(['Only for Dana'])
    expect((await admin(api, 'GET', `/processes/${ids.processes}`)).body.name).not.toBe('Mine now')
  })
})

describe('anonymous callers', () => {
  it('get a 401 problem from every endpoint that needs a session or an API key', async () => {
    const routes = ROUTES_.filter((r) => r.auth !== 'none')
    expect(routes.length).toBeGreaterThan(40)
    for (const route of routes) {
      const path = fill(route.path)
      const body = route.method === 'get' ? undefined : (VALID[route.path] ?? {})
      const res = await api.call(route.method.toUpperCase(), path, body ? { body } : {})
      expect(res.status, `${route.method} ${path}`).toBe(401)
      expect(res.type).toBe('application/problem+json')
      expect(JSON.stringify(res.body)).not.toContain('Dana')
    }
  })
})
