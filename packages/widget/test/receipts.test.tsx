import type { ContractReceipt } from '@portico/schema'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { API, application, contract, incident, problem } from './fixtures.js'
import { loggedIn, serveApplications } from './login.js'
import { renderPortal } from './render.js'
import { me, server } from './server.js'

// Noon UTC: the same calendar day in every time zone a test machine may use.
const receipts: ContractReceipt[] = [
  {
    contact: { id: 'c2', name: 'Charles Babbage' },
    kind: 'downloaded',
    attachmentId: 'f1',
    at: '2026-12-03T12:00:00.000Z',
  },
  {
    contact: { id: 'c2', name: 'Charles Babbage' },
    kind: 'viewed',
    attachmentId: null,
    at: '2026-12-02T12:00:00.000Z',
  },
]

/** Serves one shared contract, k1 (Ada is its requester), and its receipts as `answer` says. */
function serveContract(answer: () => Response | Promise<Response>, extra = {}) {
  const requests: string[] = []
  serveApplications([application('a1', incident)])
  server.use(
    http.get(`${API}/v1/me/contracts`, () =>
      HttpResponse.json({ items: [contract('k1', extra)], nextCursor: null }),
    ),
    http.get(`${API}/v1/me/contracts/k1`, () => HttpResponse.json(contract('k1', extra))),
    http.get(`${API}/v1/me/contracts/k1/receipts`, ({ request }) => {
      requests.push(request.url)
      return answer()
    }),
  )
  return requests
}

async function openContract(view: Awaited<ReturnType<typeof loggedIn>>['view'], contracts = 'Contracts') {
  fireEvent.click(await view.findByRole('button', { name: contracts }))
  fireEvent.click(await view.findByRole('button', { name: /Service agreement/ }))
  await view.findByRole('heading', { name: 'Service agreement' })
}

describe('contract receipts', () => {
  it('shows the requester who viewed the contract and who downloaded which file, with dates', async () => {
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    serveContract(async () => {
      await gate
      return HttpResponse.json({ items: receipts })
    })
    const { view } = await loggedIn()
    await openContract(view)
    const section = await view.findByRole('region', { name: 'Receipts' })
    expect(within(section).getByRole('status').textContent).toBe('Loading…')
    release()
    const items = await within(section).findAllByRole('listitem')
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Charles Babbage downloaded agreement\.pdf Dec 3, 2026, \d/),
      expect.stringMatching(/^Charles Babbage viewed the contract Dec 2, 2026, \d/),
    ])
    expect(section.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-03T12:00:00.000Z')
  })

  it('says when no one has opened the contract yet', async () => {
    serveContract(() => HttpResponse.json({ items: [] }))
    const { view } = await loggedIn()
    await openContract(view)
    const section = await view.findByRole('region', { name: 'Receipts' })
    expect(await within(section).findByText('No one has opened this contract yet.')).toBeTruthy()
  })

  it('shows nothing when the API refuses the receipts (403)', async () => {
    const requests = serveContract(() => problem(403, 'Only the requester and company admins'))
    const { view } = await loggedIn()
    await openContract(view)
    await waitFor(() => expect(requests).toHaveLength(1))
    await waitFor(() => expect(view.queryByRole('heading', { name: 'Receipts' })).toBeNull())
    expect(view.queryByRole('alert')).toBeNull()
    expect(view.getByRole('button', { name: 'Download agreement.pdf' })).toBeTruthy()
  })

  it('does not ask for them when the contact is a watcher and not a company admin', async () => {
    const requests = serveContract(() => HttpResponse.json({ items: receipts }), {
      requester: { id: 'c9', name: 'Grace Hopper' },
      watchers: [{ id: 'c1', name: 'Ada Lovelace' }],
    })
    const { view } = await loggedIn()
    await openContract(view)
    expect(view.getByText('Requester: Grace Hopper')).toBeTruthy()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(requests).toEqual([])
    expect(view.queryByRole('heading', { name: 'Receipts' })).toBeNull()
  })

  it('shows them to a company admin who is a watcher', async () => {
    server.use(http.get(`${API}/v1/me`, () => HttpResponse.json({ ...me, isCompanyAdmin: true })))
    serveContract(() => HttpResponse.json({ items: receipts }), {
      requester: { id: 'c9', name: 'Grace Hopper' },
      watchers: [{ id: 'c1', name: 'Ada Lovelace' }],
    })
    const { view } = await loggedIn()
    await openContract(view)
    const section = await view.findByRole('region', { name: 'Receipts' })
    expect(await within(section).findByText(/Charles Babbage viewed the contract/)).toBeTruthy()
  })

  it('says when they could not load, and loads them again on retry', async () => {
    let fail = true
    serveContract(() => (fail ? problem(503, 'Unavailable') : HttpResponse.json({ items: receipts })))
    const { view } = await loggedIn()
    await openContract(view)
    const section = await view.findByRole('region', { name: 'Receipts' })
    const alert = await within(section).findByRole('alert')
    expect(alert.textContent).toContain('Try again')
    fail = false
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await within(section).findByText(/Charles Babbage viewed the contract/)).toBeTruthy()
  })

  it('speaks French, with French dates', async () => {
    serveContract(() => HttpResponse.json({ items: receipts }))
    await loggedIn('acme-services', { tokenStorage: 'local' })
    const { view } = renderPortal('acme-services', { tokenStorage: 'local', locale: 'fr' })
    await openContract(view, 'Contrats')
    const section = await view.findByRole('region', { name: 'Accusés de lecture' })
    const items = await within(section).findAllByRole('listitem')
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Charles Babbage a téléchargé agreement\.pdf 3 déc\. 2026/),
      expect.stringMatching(/^Charles Babbage a consulté le contrat 2 déc\. 2026/),
    ])
  })
})
