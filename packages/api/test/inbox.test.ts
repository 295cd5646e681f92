import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin, login } from './helpers.js'

let api: Api
let token: string
beforeEach(async () => {
  api = await setupApi()
  token = await login(api)
})
afterEach(async () => {
  await api.close()
})

const start = (body: Record<string, unknown>) => api.call('POST', '/v1/me/applications', { token, body })

describe('the staff inbox', () => {
  it('lists applications newest first with portal, company, tags, source and an unread mark', async () => {
    const created = await start({
      process: 'incident',
      tags: ['spring'],
      source: { utm_source: 'newsletter' },
    })
    expect(created.status).toBe(201)
    await api.call('POST', `/v1/me/applications/${created.body.id}/notes`, {
      token,
      body: { body: 'Hello?' },
    })
    const page = await admin(api, 'GET', '/inbox')
    expect(page.status).toBe(200)
    const first = page.body.items[0]
    expect(first).toMatchObject({
      id: created.body.id,
      process: { slug: 'incident' },
      portal: 'acme-services',
      contact: { email: api.seed.login.email },
      tags: expect.arrayContaining(['spring']),
      source: { utm_source: 'newsletter' },
      unread: true,
    })
    expect(page.body.items.map((i: { createdAt: string }) => i.createdAt)).toEqual(
      [...page.body.items.map((i: { createdAt: string }) => i.createdAt)].sort().reverse(),
    )
    // A staff reply answers the contact: the mark goes away.
    await admin(api, 'POST', `/applications/${created.body.id}/notes`, { body: 'On it' })
    const after = await admin(api, 'GET', '/inbox')
    expect(after.body.items[0]).toMatchObject({ id: created.body.id, unread: false })
  })

  it('filters by status, tag and search words and counts per status and tag', async () => {
    await start({ process: 'incident', tags: ['spring'] })
    await start({ process: 'kyc', tags: ['spring', 'vip'] })
    const spring = await admin(api, 'GET', '/inbox?tag=spring')
    expect(spring.body.items).toHaveLength(2)
    expect(spring.body.counts.tags).toEqual(expect.arrayContaining([{ tag: 'vip', count: 1 }]))
    const submitted = spring.body.counts.statuses.find((s: { status: string }) => s.status === 'submitted')
    expect(submitted.count).toBeGreaterThanOrEqual(2)
    const search = await admin(api, 'GET', `/inbox?q=${encodeURIComponent('IDENTITY')}`)
    expect(search.body.items.every((i: { process: { slug: string } }) => i.process.slug === 'kyc')).toBe(true)
    const none = await admin(api, 'GET', '/inbox?q=nobody-like-this')
    expect(none.body.items).toEqual([])
    const approved = await admin(api, 'GET', '/inbox?status=approved')
    expect(approved.body.items.every((i: { status: string }) => i.status === 'approved')).toBe(true)
  })

  it('pages with a cursor without repeating or skipping a row', async () => {
    for (let i = 0; i < 3; i++) await start({ process: 'incident' })
    const all = (await admin(api, 'GET', '/inbox?limit=200')).body.items.map((i: { id: string }) => i.id)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await admin(
        api,
        'GET',
        `/inbox?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      )
      seen.push(...page.body.items.map((i) => i.id))
      cursor = page.body.nextCursor
    } while (cursor)
    expect(seen).toEqual(all)
  })

  it('answers a 400 problem for a bad status or cursor', async () => {
    const bad = await admin(api, 'GET', '/inbox?status=lost&cursor=nope')
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('status')
    const cursor = await admin(api, 'GET', '/inbox?cursor=nope')
    expect(cursor.status).toBe(400)
    expect(cursor.body.errors).toEqual([
      { field: 'cursor', message: 'Use the nextCursor of the previous page' },
    ])
  })

  it('counts each status ignoring only the status filter and each tag ignoring only the tag filter', async () => {
    const a = await start({ process: 'incident', tags: ['count-a'] })
    await start({ process: 'incident', tags: ['count-a', 'count-b'] })
    await start({ process: 'kyc', tags: ['count-b'] })
    await admin(api, 'POST', `/applications/${a.body.id}/status`, { status: 'approved' })
    const page = await admin(api, 'GET', '/inbox?status=approved&tag=count-a&process=incident')
    expect(page.body.items.map((i: { id: string }) => i.id)).toEqual([a.body.id])
    // Statuses of incident applications tagged count-a, whatever their status.
    const statuses = Object.fromEntries(
      page.body.counts.statuses.map((s: { status: string; count: number }) => [s.status, s.count]),
    )
    expect(statuses).toEqual({ approved: 1, submitted: 1 })
    // Tags of approved incident applications, whatever their tag.
    const tags = page.body.counts.tags.map((t: { tag: string; count: number }) => [t.tag, t.count])
    expect(tags).toContainEqual(['count-a', 1])
    expect(tags.map(([tag]: [string]) => tag)).not.toContain('count-b')
  })
})
