import { describe, expect, it } from 'vitest'
import { createClient } from '../src/api/client.js'
import { isHttpError } from '../src/api/errors.js'
import { ApplicationModel } from '../src/models/ApplicationModel.js'
import { InboxModel } from '../src/models/InboxModel.js'

type Answer = { status: number; body?: unknown }

/** A client whose API answers from `routes` (`'METHOD /path'` → answer) and records each request. */
function fakeApi(routes: Record<string, Answer | ((body: unknown) => Answer)>) {
  const calls: { method: string; url: string; body: unknown }[] = []
  const client = createClient({
    token: () => 'pst_test',
    fetch: async (input, init) => {
      const url = String(input)
      const method = init?.method ?? 'GET'
      const body = init?.body ? JSON.parse(String(init.body)) : undefined
      calls.push({ method, url, body })
      const route = routes[`${method} ${url.split('?')[0]}`]
      const answer =
        typeof route === 'function' ? route(body) : (route ?? { status: 404, body: { title: 'Not found' } })
      return answer.status === 204
        ? new Response(null, { status: 204 })
        : Response.json(answer.body, {
            status: answer.status,
            headers: {
              'content-type': answer.status < 400 ? 'application/json' : 'application/problem+json',
            },
          })
    },
  })
  return { client, calls }
}

const ann = { id: 's1', name: 'Ann Agent', email: 'ann@acme.test' }
const detail = {
  id: 'a1',
  reference: 'ACME-000001',
  process: { id: 'p1', slug: 'kyc', name: 'KYC' },
  status: 'submitted',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  data: {},
  source: {},
  portal: null,
  contact: { id: 'c1', name: 'Carl', email: 'carl@x.test' },
  notes: [],
  attachments: [],
  history: [],
  assignee: null,
}

const applicationRoutes = {
  'GET /v1/admin/applications/a1': { status: 200, body: detail },
  'GET /v1/admin/processes/p1': { status: 200, body: { id: 'p1', form: { fields: [] } } },
  'GET /v1/admin/applications/a1/internal-notes': { status: 200, body: { items: [] } },
  'GET /v1/admin/applications/a1/audit': { status: 200, body: { items: [] } },
  'GET /v1/admin/assignees': { status: 200, body: { items: [ann] } },
}

describe('the application model', () => {
  it('marks the application read for the staff user when it opens, and loads the assignees', async () => {
    const { client, calls } = fakeApi({
      ...applicationRoutes,
      'PUT /v1/admin/applications/a1/read': { status: 204 },
    })
    const model = new ApplicationModel(client, 'a1')
    await model.load()
    expect(calls.some((c) => c.method === 'PUT' && c.url === '/v1/admin/applications/a1/read')).toBe(true)
    expect(model.assignees.data.value).toEqual([ann])
  })

  it('still shows the application when the read mark fails', async () => {
    const { client } = fakeApi({
      ...applicationRoutes,
      'PUT /v1/admin/applications/a1/read': { status: 503, body: { title: 'Unavailable' } },
    })
    const model = new ApplicationModel(client, 'a1')
    await model.load()
    expect(model.detail.status.value).toBe('ready')
    expect(model.detail.data.value?.id).toBe('a1')
  })

  it('shows the new assignee after a save and keeps the old one when the API refuses', async () => {
    let refuse = false
    const { client, calls } = fakeApi({
      ...applicationRoutes,
      'PUT /v1/admin/applications/a1/read': { status: 204 },
      'PUT /v1/admin/applications/a1/assignee': (body) =>
        refuse
          ? {
              status: 400,
              body: {
                title: 'Invalid request body',
                status: 400,
                errors: [
                  {
                    field: 'staffUserId',
                    message: 'Choose an active agent, admin or owner of this organisation',
                  },
                ],
              },
            }
          : {
              status: 200,
              body: { assignee: (body as { staffUserId: string | null }).staffUserId ? ann : null },
            },
    })
    const model = new ApplicationModel(client, 'a1')
    await model.load()
    await model.assign('s1')
    expect(calls.at(-2)?.body).toEqual({ staffUserId: 's1' })
    expect(model.detail.data.value?.assignee).toEqual(ann)
    refuse = true
    const failure = await model.assign('nobody').catch((error: unknown) => error)
    expect(isHttpError(failure) && failure.fields.staffUserId).toBe(
      'Choose an active agent, admin or owner of this organisation',
    )
    expect(model.detail.data.value?.assignee).toEqual(ann)
  })
})

describe('the inbox model', () => {
  it('asks the API for the assignee and unread filters and drops them when cleared', async () => {
    const page = { items: [], nextCursor: null, counts: { statuses: [], tags: [] } }
    const { client, calls } = fakeApi({ 'GET /v1/admin/inbox': { status: 200, body: page } })
    const inbox = new InboxModel(client)
    inbox.setFilters({ assignee: 'me', unread: 'true' })
    await inbox.load()
    expect(calls.at(-1)?.url).toBe('/v1/admin/inbox?assignee=me&unread=true')
    inbox.setFilters({ assignee: undefined, unread: undefined, status: 'submitted' })
    await inbox.load()
    expect(calls.at(-1)?.url).toBe('/v1/admin/inbox?status=submitted')
  })
})
