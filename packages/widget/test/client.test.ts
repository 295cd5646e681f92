import { delay, HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { createClient } from '../src/api/client.js'
import { isHttpError, isTimeoutError } from '../src/api/errors.js'
import { API } from './fixtures.js'
import { server } from './server.js'

// The widget's own small HTTP client: bearer token, query, JSON body, retries of reads only,
// a timeout, and one error hierarchy whatever went wrong.

const client = (timeout?: number) =>
  createClient({
    api: API,
    portal: 'acme-services',
    token: () => 'pt_secret',
    ...(timeout ? { timeout } : {}),
  })

describe('widget HTTP client', () => {
  it('sends the token and the query, and asks a read again after a 503 that says when', async () => {
    const seen: { auth: string | null; query: string }[] = []
    let calls = 0
    server.use(
      http.get(`${API}/v1/me/applications`, ({ request }) => {
        calls++
        seen.push({ auth: request.headers.get('authorization'), query: new URL(request.url).search })
        return calls === 1
          ? HttpResponse.json({ title: 'Busy' }, { status: 503, headers: { 'retry-after': '1' } })
          : HttpResponse.json({ items: [], nextCursor: null })
      }),
    )
    const page = await client().applications({ limit: 5, cursor: 'a b' })
    expect(page).toEqual({ items: [], nextCursor: null })
    expect(calls).toBe(2)
    expect(seen[0]).toEqual({ auth: 'Bearer pt_secret', query: '?limit=5&cursor=a+b' })
  })

  it('never sends a write twice: a failed POST is one request and a problem the user sees', async () => {
    let calls = 0
    server.use(
      http.post(`${API}/v1/me/applications/a1/notes`, () => {
        calls++
        return HttpResponse.json(
          { type: 'about:blank', title: 'Server error', status: 500, detail: 'Try later.' },
          { status: 500, headers: { 'content-type': 'application/problem+json' } },
        )
      }),
    )
    const error = await client()
      .addNote('a1', { body: 'Hello' })
      .catch((e: unknown) => e)
    expect(calls).toBe(1)
    expect(isHttpError(error) && error.problem.detail).toBe('Try later.')
  })

  it('sends PATCH bodies as JSON and gives up on a slow answer with a timeout error', async () => {
    let body: unknown = null
    server.use(
      http.patch(`${API}/v1/me`, async ({ request }) => {
        body = await request.json()
        return HttpResponse.json({ ok: true })
      }),
      http.get(`${API}/v1/me`, async () => {
        await delay(2000)
        return HttpResponse.json({})
      }),
    )
    await client().updateMe({ name: 'Ada' })
    expect(body).toEqual({ name: 'Ada' })
    const error = await client(200)
      .me()
      .catch((e: unknown) => e)
    expect(isTimeoutError(error)).toBe(true)
  })
})
