import type { NoteList, PorticoEvent } from '@portico/schema'
import { fireEvent, waitFor } from '@testing-library/preact'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { API, application, contract, detail, incident, kyc, problem } from './fixtures.js'
import { loggedIn, serveApplications } from './login.js'
import { server } from './server.js'

const a1 = application('a1', incident, '2026-11-10T10:00:00.000Z')
const encoder = new TextEncoder()

/** Serves `GET /v1/me/events` as streams the test writes to; keeps every request. */
function liveStream() {
  const requests: Request[] = []
  const streams: ReadableStreamDefaultController<Uint8Array>[] = []
  server.use(
    http.get(`${API}/v1/me/events`, ({ request }) => {
      requests.push(request)
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          streams.push(controller)
          controller.enqueue(encoder.encode(': connected\nretry: 20\n\n'))
        },
      })
      return new HttpResponse(body, { headers: { 'content-type': 'text/event-stream' } })
    }),
  )
  return {
    requests,
    /** Sends an event on the newest stream, split in two writes as a network may. */
    send(event: PorticoEvent) {
      const text = `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`
      const stream = streams.at(-1)
      stream?.enqueue(encoder.encode(text.slice(0, 20)))
      stream?.enqueue(encoder.encode(text.slice(20)))
    },
    drop() {
      streams.at(-1)?.close()
    },
  }
}

const staffNote = (id: string): PorticoEvent => ({
  id,
  type: 'note.added',
  timestamp: '2026-12-03T08:00:00.000Z',
  data: { applicationId: 'a1', contactId: 'c1', noteId: 'n1', author: { type: 'staff', name: 'Jo' } },
})

const notes: NoteList = {
  items: [
    {
      id: 'n1',
      body: 'We received your passport.',
      author: { type: 'staff', name: 'Jo' },
      createdAt: '2026-12-03T08:00:00.000Z',
    },
  ] as NoteList['items'],
  nextCursor: null,
}

describe('live updates', () => {
  it('closes an open contract when staff revoke its share, and drops it from the list', async () => {
    serveApplications([a1])
    const live = liveStream()
    server.use(
      http.get(`${API}/v1/me/contracts`, () =>
        HttpResponse.json({ items: [contract('k1')], nextCursor: null }),
      ),
      http.get(`${API}/v1/me/contracts/k1`, () => HttpResponse.json(contract('k1'))),
      http.get(`${API}/v1/me/contracts/k1/receipts`, () => HttpResponse.json({ items: [] })),
    )
    const { view } = await loggedIn()
    await waitFor(() => expect(live.requests).toHaveLength(1))
    fireEvent.click(view.getByRole('button', { name: 'Contracts' }))
    fireEvent.click(await view.findByRole('button', { name: /Service agreement/ }))
    expect(await view.findByRole('heading', { name: 'Service agreement' })).toBeTruthy()

    server.use(
      http.get(`${API}/v1/me/contracts`, () => HttpResponse.json({ items: [], nextCursor: null })),
      http.get(`${API}/v1/me/contracts/k1`, () => problem(404, 'Contract not found')),
    )
    live.send({
      id: 'e9',
      type: 'contract.revoked',
      timestamp: '2026-12-03T09:00:00.000Z',
      data: { contractId: 'k1', requesterId: 'c1', watcherIds: ['c2'] },
    })
    expect((await view.findByRole('alert')).textContent).toBe('This contract is no longer shared with you.')
    expect(view.queryByRole('heading', { name: 'Service agreement' })).toBeNull()
    fireEvent.click(view.getByRole('button', { name: 'Back' }))
    expect(await view.findByText('No contract has been shared with you yet.')).toBeTruthy()
  })

  it('shows a staff note and a status change as they happen, and tells the host', async () => {
    serveApplications([a1])
    const live = liveStream()
    const host = document.createElement('div')
    document.body.append(host)
    const dom: CustomEvent[] = []
    host.addEventListener('portico:note.added', (event) => dom.push(event as CustomEvent))
    const { view, events } = await loggedIn('acme-services', { host })
    await view.findByRole('heading', { name: 'Report an incident' })
    await waitFor(() => expect(live.requests).toHaveLength(1))
    expect(live.requests[0]?.headers.get('authorization')).toBe('Bearer pt_test')
    expect(live.requests[0]?.url).toBe(`${API}/v1/me/events`)
    const heard: string[] = []
    events.on('note.added', (event) => heard.push(event.data.noteId))

    server.use(http.get(`${API}/v1/me/applications/a1/notes`, () => HttpResponse.json(notes)))
    live.send(staffNote('e1'))
    expect(await view.findByText('We received your passport.')).toBeTruthy()
    expect(view.getByText('Staff reply')).toBeTruthy()
    expect(heard).toEqual(['n1'])
    expect(dom).toHaveLength(1)
    expect(dom[0]?.detail).toMatchObject({ id: 'e1', type: 'note.added' })
    expect(dom[0]?.composed).toBe(true)

    const reviewed = { ...a1, status: 'in_review' as const }
    server.use(
      http.get(`${API}/v1/me/applications/a1`, () =>
        HttpResponse.json(
          detail(reviewed, {
            history: [
              { status: 'submitted', previous: null, message: null, at: a1.createdAt },
              {
                status: 'in_review',
                previous: 'submitted',
                message: 'Checking it now',
                at: '2026-12-03T08:01:00.000Z',
              },
            ],
          }),
        ),
      ),
      http.get(`${API}/v1/me/applications`, () => HttpResponse.json({ items: [reviewed] })),
    )
    live.send({
      id: 'e2',
      type: 'application.status-changed',
      timestamp: '2026-12-03T08:01:00.000Z',
      data: { applicationId: 'a1', contactId: 'c1', from: 'submitted', to: 'in_review' },
    })
    expect(await view.findByText('Checking it now')).toBeTruthy()
    const switcher = view.getByRole('combobox', { name: 'Your applications' }) as HTMLSelectElement
    await waitFor(() => expect(switcher.options[0]?.text).toContain('In review'))
    host.remove()
  })

  it('shares one stream between two portals of the page with the same session', async () => {
    serveApplications([a1])
    const live = liveStream()
    const first = await loggedIn('acme-services')
    const second = await loggedIn('acme-services')
    await first.view.findByRole('heading', { name: 'Report an incident' })
    await second.view.findByRole('heading', { name: 'Report an incident' })
    const heard: string[] = []
    first.events.on('note.added', (event) => heard.push(`first ${event.id}`))
    second.events.on('note.added', (event) => heard.push(`second ${event.id}`))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(live.requests).toHaveLength(1)
    live.send(staffNote('e1'))
    await waitFor(() => expect(heard.sort()).toEqual(['first e1', 'second e1']))
  })

  it('resumes after a drop with Last-Event-ID, and ends the session on 401', async () => {
    serveApplications([a1])
    const live = liveStream()
    const { view } = await loggedIn('acme-services')
    await waitFor(() => expect(live.requests).toHaveLength(1))
    live.send(staffNote('e7'))
    live.drop()
    await waitFor(() => expect(live.requests).toHaveLength(2))
    expect(live.requests[1]?.headers.get('last-event-id')).toBe('e7')
    server.use(
      http.get(`${API}/v1/me/events`, () => HttpResponse.json({ title: 'Session expired' }, { status: 401 })),
    )
    live.drop()
    expect(await view.findByRole('heading', { name: 'Log in' })).toBeTruthy()
    expect(view.getByText('Your session has expired. Log in again to continue where you were.')).toBeTruthy()
  })

  it('loads the open view again on focus while the stream is down', async () => {
    serveApplications([a1, application('a2', kyc)])
    let down = 0
    server.use(
      http.get(`${API}/v1/me/events`, () => {
        down++
        return new HttpResponse(null, { status: 503 })
      }),
    )
    const { view } = await loggedIn('acme-services', {}, 'a1')
    await view.findByRole('heading', { name: 'Report an incident' })
    await waitFor(() => expect(down).toBeGreaterThan(0))
    server.use(http.get(`${API}/v1/me/applications/a1/notes`, () => HttpResponse.json(notes)))
    fireEvent.focus(window)
    expect(await view.findByText('We received your passport.')).toBeTruthy()
  })

  it('marks unread staff replies on the dashboard and the switcher, and clears them as they are read', async () => {
    serveApplications([{ ...a1, unread: true }])
    const live = liveStream()
    const { view } = await loggedIn('acme-services')
    const switcher = (await view.findByRole('combobox', { name: 'Your applications' })) as HTMLSelectElement
    expect(switcher.options[0]?.text).toBe('Report an incident — Submitted — Nov 10, 2026 — New reply')
    fireEvent.click(view.getByRole('button', { name: 'Applications' }))
    await view.findByRole('heading', { name: 'Your applications' })
    expect(await view.findByText('New reply')).toBeTruthy()
    await waitFor(() => expect(live.requests).toHaveLength(1))
    // The contact read the reply elsewhere (or here): the next list has no mark, and the event brings it.
    server.use(
      http.get(`${API}/v1/me/applications`, () => HttpResponse.json({ items: [{ ...a1, unread: false }] })),
    )
    live.send(staffNote('e9'))
    await waitFor(() => expect(view.queryByText('New reply')).toBeNull())
    const option = [...switcher.options].find((o) => o.value === 'a1')
    expect(option?.text).toBe('Report an incident — Submitted — Nov 10, 2026')
  })
})
