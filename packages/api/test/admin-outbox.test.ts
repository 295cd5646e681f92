import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApiKey, createOrganisation } from '../src/data/organisations.js'
import { enqueueMail } from '../src/mail/outbox.js'
import { type Api, setupApi } from './harness.js'

let api: Api
let keys: Record<string, string>
let orgs: Record<string, string>
beforeEach(async () => {
  api = await setupApi()
  // Two organisations with a key each; the seed's mails are cleared so each test sees only its own.
  const other = await createOrganisation(api.db.kysely, 'Other Org')
  orgs = { 'org-a': api.seed.organisationId, 'org-b': other }
  keys = { 'org-a': api.seed.adminKey!, 'org-b': (await createApiKey(api.db.kysely, other)).key }
  await api.db.kysely.deleteFrom('outbox').execute()
})
afterEach(async () => {
  await api.close()
})

async function get(path: string, organisation = 'org-a', method = 'GET') {
  const res = await api.call(method, path, { token: keys[organisation]! })
  return { status: res.status, type: res.type, body: res.body }
}

async function mail(organisation: string, to: string) {
  await enqueueMail(api.db.kysely, {
    to,
    locale: 'en',
    template: 'password-reset',
    data: { name: 'Ada', link: 'https://portal.test/reset?token=secret-token' },
    organisationId: orgs[organisation]!,
  })
}

describe('GET /v1/admin/outbox', () => {
  it('lists the organisation’s mails newest first, without their bodies', async () => {
    await mail('org-a', 'first@a.test')
    await mail('org-b', 'other@b.test')
    await mail('org-a', 'second@a.test')
    const res = await get('/v1/admin/outbox')
    expect(res.status).toBe(200)
    expect(res.body.items.map((m: { to: string }) => m.to)).toEqual(['second@a.test', 'first@a.test'])
    expect(res.body.items[0]).toMatchObject({ template: 'password-reset', status: 'pending', attempts: 0 })
    expect(JSON.stringify(res.body)).not.toContain('secret-token')
  })

  it('filters by status and pages with a cursor and limit', async () => {
    await mail('org-a', 'one@a.test')
    await mail('org-a', 'two@a.test')
    await mail('org-a', 'three@a.test')
    await api.db.kysely
      .updateTable('outbox')
      .set({ status: 'sent' })
      .where('to_address', '=', 'two@a.test')
      .execute()
    expect((await get('/v1/admin/outbox?status=sent')).body.items.map((m: { to: string }) => m.to)).toEqual([
      'two@a.test',
    ])
    const page = await get('/v1/admin/outbox?limit=2')
    expect(page.body.items).toHaveLength(2)
    expect(page.body.nextCursor).toEqual(expect.any(String))
    const next = await get(`/v1/admin/outbox?limit=2&cursor=${encodeURIComponent(page.body.nextCursor)}`)
    expect(next.body.items.map((m: { to: string }) => m.to)).toEqual(['one@a.test'])
    expect(next.body.nextCursor).toBeNull()
  })

  it('answers a bad query with field errors', async () => {
    const res = await get('/v1/admin/outbox?status=lost&limit=0&cursor=yesterday')
    expect(res.status).toBe(400)
    expect(res.type).toBe('application/problem+json')
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['status', 'limit'])
    const unknown = await get('/v1/admin/outbox?before=yesterday')
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors).toEqual([{ field: 'before', message: 'Unknown query parameter' }])
    const cursor = await get('/v1/admin/outbox?cursor=yesterday')
    expect(cursor.body.errors.map((e: { field: string }) => e.field)).toEqual(['cursor'])
  })

  it('refuses a request without an API key', async () => {
    expect((await api.call('GET', '/v1/admin/outbox')).status).toBe(401)
  })
})

describe('GET /v1/admin/outbox/:id and POST /v1/admin/outbox/:id/retry', () => {
  it('reads one mail of the organisation and hides another organisation’s', async () => {
    await mail('org-a', 'ada@a.test')
    const [row] = await api.db.kysely.selectFrom('outbox').select('id').execute()
    expect((await get(`/v1/admin/outbox/${row?.id}`)).body).toMatchObject({ to: 'ada@a.test' })
    expect((await get(`/v1/admin/outbox/${row?.id}`, 'org-b')).status).toBe(404)
    expect((await get(`/v1/admin/outbox/${row?.id}/retry`, 'org-b', 'POST')).status).toBe(404)
  })

  it('requeues a failed mail and refuses to requeue one that is not failed', async () => {
    await mail('org-a', 'ada@a.test')
    const [row] = await api.db.kysely.selectFrom('outbox').select('id').execute()
    expect((await get(`/v1/admin/outbox/${row?.id}/retry`, 'org-a', 'POST')).status).toBe(409)
    await api.db.kysely.updateTable('outbox').set({ status: 'failed', attempts: 8 }).execute()
    const res = await get(`/v1/admin/outbox/${row?.id}/retry`, 'org-a', 'POST')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'pending', attempts: 0 })
  })
})
