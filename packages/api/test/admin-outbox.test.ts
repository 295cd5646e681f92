import { Hono } from 'hono'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { enqueueMail } from '../src/mail/outbox.js'
import { problemErrorHandler } from '../src/middleware/problem/index.js'
import { type OutboxAdminEnv, outboxAdminRoutes } from '../src/routes/admin-outbox.js'
import { type Api, type CallResult, setupApi } from './harness.js'

let api: Api
let admin: Hono<OutboxAdminEnv>
beforeEach(async () => {
  api = await setupApi()
  // Stands in for the admin auth middleware: the organisation comes from a test header.
  admin = new Hono<OutboxAdminEnv>()
  admin.onError(problemErrorHandler({ log: () => {} }))
  admin.use(async (c, next) => {
    c.set('db', api.db.kysely)
    const organisation = c.req.header('x-test-organisation')
    if (organisation) c.set('organisationId', organisation)
    await next()
  })
  admin.route('/v1/admin/outbox', outboxAdminRoutes)
})
afterEach(async () => {
  await api.close()
})

async function get(path: string, organisation = 'org-a', method = 'GET') {
  const response = await admin.request(path, { method, headers: { 'x-test-organisation': organisation } })
  const body: CallResult['body'] = await response.json()
  return { status: response.status, type: response.headers.get('content-type'), body }
}

async function mail(organisationId: string, to: string) {
  await enqueueMail(api.db.kysely, {
    to,
    locale: 'en',
    template: 'password-reset',
    data: { name: 'Ada', link: 'https://portal.test/reset?token=secret-token' },
    organisationId,
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

  it('filters by status and pages with before and limit', async () => {
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
    const next = await get(
      `/v1/admin/outbox?limit=2&before=${encodeURIComponent(page.body.items[1].createdAt)}`,
    )
    expect(next.body.items.map((m: { to: string }) => m.to)).toEqual(['one@a.test'])
  })

  it('answers a bad query with field errors', async () => {
    const res = await get('/v1/admin/outbox?status=lost&limit=0&before=yesterday')
    expect(res.status).toBe(400)
    expect(res.type).toBe('application/problem+json')
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['status', 'before', 'limit'])
  })

  it('refuses a request that admin auth did not scope to an organisation', async () => {
    const res = await admin.request('/v1/admin/outbox')
    expect(res.status).toBe(401)
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
