import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin, login } from './helpers.js'

// Threads and audit trails page back in time: a page holds the newest items, oldest first, and its
// cursor leads to the earlier ones, so a thread of thousands of notes opens as fast as one of three.

let api: Api
let token: string
let applicationId: string
beforeEach(async () => {
  api = await setupApi()
  token = await login(api)
  const created = await api.call('POST', '/v1/me/applications', { token, body: { process: 'incident' } })
  applicationId = created.body.id
})
afterEach(async () => {
  await api.close()
})

type Item = { id: string; body?: string; createdAt?: string; at?: string }

/** Every page of a timeline from its newest page back, and the items in reading order. */
async function walk(fetchPage: (cursor?: string) => Promise<{ status: number; body: any }>) {
  const pages: Item[][] = []
  let cursor: string | undefined
  do {
    const res = await fetchPage(cursor)
    expect(res.status).toBe(200)
    pages.push(res.body.items)
    cursor = res.body.nextCursor ?? undefined
  } while (cursor && pages.length < 20)
  return { pages, items: [...pages].reverse().flat() }
}

describe('timelines page back from the newest items', () => {
  it("the contact's notes: pages of 3 hold the newest first page, each read oldest first", async () => {
    for (let i = 1; i <= 7; i++) {
      const author = i % 2 ? 'contact' : 'staff'
      if (author === 'contact') {
        await api.call('POST', `/v1/me/applications/${applicationId}/notes`, {
          token,
          body: { body: `note ${i}` },
        })
      } else {
        await admin(api, 'POST', `/applications/${applicationId}/notes`, { body: `note ${i}` })
      }
    }
    const whole = await api.call('GET', `/v1/me/applications/${applicationId}/notes`, { token })
    expect(whole.body.nextCursor).toBeNull()
    const all = whole.body.items as Item[]
    expect(all).toHaveLength(7)
    // Oldest first inside a page.
    const times = all.map((n) => n.createdAt ?? '')
    expect(times).toEqual([...times].sort())

    const { pages, items } = await walk((cursor) =>
      api.call(
        'GET',
        `/v1/me/applications/${applicationId}/notes?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token },
      ),
    )
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1])
    // The first page is the end of the thread; walking back and reading forward gives the thread.
    expect(pages[0]?.map((n) => n.id)).toEqual(all.slice(4).map((n) => n.id))
    expect(items.map((n) => n.id)).toEqual(all.map((n) => n.id))

    // Staff read the same thread; the application answers its newest page with the cursor.
    const staff = await walk((cursor) =>
      admin(
        api,
        'GET',
        `/applications/${applicationId}/notes?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      ),
    )
    expect(staff.items.map((n) => n.id)).toEqual(all.map((n) => n.id))
    const detail = await admin(api, 'GET', `/applications/${applicationId}`)
    expect(detail.body.notes.map((n: Item) => n.id)).toEqual(all.map((n) => n.id))
    expect(detail.body.notesNextCursor).toBeNull()
  })

  it('internal notes and the audit trail page the same way', async () => {
    for (let i = 1; i <= 5; i++) {
      await admin(api, 'POST', `/applications/${applicationId}/internal-notes`, { body: `internal ${i}` })
    }
    const internal = await walk((cursor) =>
      admin(
        api,
        'GET',
        `/applications/${applicationId}/internal-notes?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      ),
    )
    expect(internal.pages.map((p) => p.length)).toEqual([2, 2, 1])
    expect(new Set(internal.items.map((n) => n.body))).toEqual(
      new Set(['internal 1', 'internal 2', 'internal 3', 'internal 4', 'internal 5']),
    )
    const audit = await walk((cursor) =>
      admin(
        api,
        'GET',
        `/applications/${applicationId}/audit?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      ),
    )
    expect(audit.items.length).toBeGreaterThanOrEqual(5)
    const at = audit.items.map((e) => e.at ?? '')
    expect(at).toEqual([...at].sort())
  })

  it('a cursor of another list or a page size out of range is a 400 with the field named', async () => {
    const apps = await api.call('GET', '/v1/me/applications?limit=1', { token })
    await api.call('POST', '/v1/me/applications', { token, body: { process: 'incident' } })
    const other = await api.call('GET', '/v1/me/applications?limit=1', { token })
    const foreign = other.body.nextCursor ?? apps.body.nextCursor
    expect(foreign).toBeTruthy()
    const bad = await api.call(
      'GET',
      `/v1/me/applications/${applicationId}/notes?cursor=${encodeURIComponent(foreign)}`,
      { token },
    )
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].field).toBe('cursor')
    const big = await admin(api, 'GET', `/applications/${applicationId}/internal-notes?limit=1000`)
    expect(big.status).toBe(400)
    expect(big.body.errors[0].field).toBe('limit')
  })
})
