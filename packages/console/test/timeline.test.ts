import { describe, expect, it } from 'vitest'
import { createClient } from '../src/api/client.js'
import { Timeline } from '../src/models/Timeline.js'

// Threads and trails open at their newest page; earlier pages come on demand and go on top.

function pagedApi(pages: Record<string, { items: { id: string }[]; nextCursor: string | null }>) {
  const asked: (string | null)[] = []
  const client = createClient({
    token: () => 'pst_test',
    fetch: async (input) => {
      const cursor = new URL(String(input), 'http://console.test').searchParams.get('cursor')
      asked.push(cursor)
      const page = pages[cursor ?? 'first']
      return page
        ? Response.json(page)
        : Response.json(
            { title: 'Invalid query' },
            { status: 400, headers: { 'content-type': 'application/problem+json' } },
          )
    },
  })
  return { client, asked }
}

describe('Timeline', () => {
  it('shows the newest page, then puts earlier pages on top until none is left', async () => {
    const { client, asked } = pagedApi({
      first: { items: [{ id: 'e3' }, { id: 'e4' }], nextCursor: 'c2' },
      c2: { items: [{ id: 'e1' }, { id: 'e2' }], nextCursor: null },
    })
    const audit = new Timeline((cursor) =>
      client.call('GET /v1/admin/applications/{id}/audit', {
        params: { id: 'a1' },
        query: cursor ? { cursor } : {},
      }),
    )
    await audit.load()
    expect(audit.items.data.value?.map((e) => e.id)).toEqual(['e3', 'e4'])
    expect(audit.cursor.value).toBe('c2')
    await audit.loadEarlier()
    expect(audit.items.data.value?.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4'])
    expect(audit.cursor.value).toBeNull()
    await audit.loadEarlier()
    expect(asked).toEqual([null, 'c2'])
  })

  it('keeps what it shows and says what failed when an earlier page cannot be read', async () => {
    const { client } = pagedApi({ first: { items: [{ id: 'e9' }], nextCursor: 'gone' } })
    const notes = new Timeline((cursor) =>
      client.call('GET /v1/admin/applications/{id}/internal-notes', {
        params: { id: 'a1' },
        query: cursor ? { cursor } : {},
      }),
    )
    await notes.load()
    await notes.loadEarlier()
    expect(notes.items.data.value?.map((e) => e.id)).toEqual(['e9'])
    expect(notes.earlier.value.loading).toBe(false)
    expect(notes.earlier.value.error).toBeTruthy()
    expect(notes.cursor.value).toBe('gone')
  })
})
