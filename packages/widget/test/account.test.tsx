import { fireEvent, waitFor, within } from '@testing-library/preact'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { API, application, contract, incident } from './fixtures.js'
import { loggedIn, serveApplications } from './login.js'
import { me, server } from './server.js'

describe('shared contracts', () => {
  it('lists contracts with my role and opens one with its visible attachments', async () => {
    serveApplications([application('a1', incident)])
    server.use(
      http.get(`${API}/v1/me/contracts`, () =>
        HttpResponse.json({
          items: [
            contract('k1'),
            contract('k2', {
              title: 'NDA',
              reference: null,
              requester: { id: 'c9', name: 'Grace Hopper' },
              attachmentsVisible: false,
              attachments: [],
            }),
          ],
        }),
      ),
      http.get(`${API}/v1/me/contracts/k1`, () => HttpResponse.json(contract('k1'))),
    )
    const { view, events } = await loggedIn()
    const opened: string[] = []
    events.on('contract:opened', ({ contractId }) => opened.push(contractId))
    fireEvent.click(view.getByRole('button', { name: 'Contracts' }))
    expect(await view.findByRole('heading', { name: 'Contracts shared with you' })).toBeTruthy()
    const first = view.getByRole('button', { name: /Service agreement/ })
    expect(first.textContent).toContain('You are the requester')
    expect(first.textContent).toContain('Reference CT-001')
    expect(view.getByRole('button', { name: /NDA/ }).textContent).toContain('You are a watcher')
    fireEvent.click(first)
    expect(await view.findByRole('heading', { name: 'Service agreement' })).toBeTruthy()
    expect(view.getByText('Awaiting signature')).toBeTruthy()
    expect(view.getByText('Watchers: Charles Babbage')).toBeTruthy()
    expect(view.getByRole('button', { name: 'Download agreement.pdf' })).toBeTruthy()
    expect(opened).toEqual(['k1'])
  })

  it('offers no download when the attachments are not visible', async () => {
    serveApplications([application('a1', incident)])
    server.use(
      http.get(`${API}/v1/me/contracts`, () =>
        HttpResponse.json({ items: [contract('k2', { attachmentsVisible: false, attachments: [] })] }),
      ),
      http.get(`${API}/v1/me/contracts/k2`, () =>
        HttpResponse.json(contract('k2', { attachmentsVisible: false, attachments: [] })),
      ),
    )
    const { view } = await loggedIn()
    fireEvent.click(view.getByRole('button', { name: 'Contracts' }))
    fireEvent.click(await view.findByRole('button', { name: /Service agreement/ }))
    expect(
      await view.findByText('The attachments of this contract are not shared in the portal.'),
    ).toBeTruthy()
    expect(view.queryByRole('button', { name: /Download/ })).toBeNull()
  })

  it('says when nothing was shared yet', async () => {
    serveApplications([application('a1', incident)])
    server.use(http.get(`${API}/v1/me/contracts`, () => HttpResponse.json({ items: [] })))
    const { view } = await loggedIn()
    fireEvent.click(view.getByRole('button', { name: 'Contracts' }))
    expect(await view.findByText('No contract has been shared with you yet.')).toBeTruthy()
  })
})

describe('company', () => {
  const colleagues = [
    {
      id: 'c1',
      status: 'active',
      isCompanyAdmin: true,
      fields: { name: 'Ada Lovelace', email: 'ada@example.com', phone: null },
    },
    {
      id: 'c2',
      status: 'active',
      isCompanyAdmin: false,
      fields: { name: 'Charles Babbage', email: 'charles@example.com', phone: '+44 20 7946 0000' },
    },
    // A profile that shows no name: the e-mail stands in, never the id.
    { id: 'c9', status: 'invited', isCompanyAdmin: false, fields: { email: 'grace@example.com' } },
  ]

  function serveCompany() {
    server.use(
      http.get(`${API}/v1/me/company`, () =>
        HttpResponse.json({ id: 'co1', fields: { name: 'Analytical Ltd', address: '1 Engine Street' } }),
      ),
      http.get(`${API}/v1/me/company/contacts`, () => HttpResponse.json({ items: colleagues })),
    )
  }

  it('lets a company admin invite a colleague, deactivate one after confirming, and undo it', async () => {
    serveApplications([application('a1', incident)])
    serveCompany()
    server.use(http.get(`${API}/v1/me`, () => HttpResponse.json({ ...me, isCompanyAdmin: true })))
    let invited: unknown
    let deactivated = ''
    let reactivated = ''
    server.use(
      http.post(`${API}/v1/me/company/contacts/:id/reactivate`, ({ params }) => {
        reactivated = String(params.id)
        return new HttpResponse(null, { status: 204 })
      }),
      http.post(`${API}/v1/me/company/contacts`, async ({ request }) => {
        invited = await request.json()
        return HttpResponse.json({ id: 'c3' }, { status: 201 })
      }),
      http.post(`${API}/v1/me/company/contacts/:id/deactivate`, ({ params }) => {
        deactivated = String(params.id)
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const { view } = await loggedIn()
    fireEvent.click(view.getByRole('button', { name: 'Company' }))
    expect(await view.findByText('Analytical Ltd')).toBeTruthy()
    expect(await view.findByText('Charles Babbage')).toBeTruthy()
    expect(view.getByText('charles@example.com')).toBeTruthy()
    expect(view.getByText('+44 20 7946 0000')).toBeTruthy()
    expect(view.getByText('grace@example.com')).toBeTruthy()
    expect(view.queryByText('c9')).toBeNull()
    expect(view.queryByRole('button', { name: 'Deactivate Ada Lovelace' })).toBeNull()
    fireEvent.click(view.getByRole('button', { name: 'Deactivate Charles Babbage' }))
    // Nothing happens before the admin confirms; "Keep active" backs out.
    expect(deactivated).toBe('')
    fireEvent.click(view.getByRole('button', { name: 'Keep active' }))
    fireEvent.click(view.getByRole('button', { name: 'Deactivate Charles Babbage' }))
    const confirm = view.getByRole('group', {
      name: 'Deactivate Charles Babbage? They will no longer be able to log in.',
    })
    fireEvent.click(within(confirm).getByRole('button', { name: 'Yes, deactivate' }))
    expect(await view.findByText('Charles Babbage was deactivated.')).toBeTruthy()
    expect(deactivated).toBe('c2')
    fireEvent.click(await view.findByRole('button', { name: 'Undo: reactivate Charles Babbage' }))
    expect(await view.findByText('Charles Babbage was reactivated.')).toBeTruthy()
    expect(reactivated).toBe('c2')

    fireEvent.input(view.getByLabelText('Full name'), { target: { value: 'Grace Hopper' } })
    fireEvent.input(view.getByLabelText('E-mail'), { target: { value: 'not an email' } })
    fireEvent.click(view.getByRole('button', { name: 'Send the invitation' }))
    expect(await view.findByText('Enter a valid e-mail address')).toBeTruthy()
    fireEvent.input(view.getByLabelText('E-mail'), { target: { value: 'grace@example.com' } })
    fireEvent.click(view.getByRole('button', { name: 'Send the invitation' }))
    expect(await view.findByText('The invitation was sent.')).toBeTruthy()
    expect(invited).toEqual({ name: 'Grace Hopper', email: 'grace@example.com' })
  })

  it('shows a contact who is not an admin their company only', async () => {
    serveApplications([application('a1', incident)])
    serveCompany()
    const { view } = await loggedIn()
    fireEvent.click(view.getByRole('button', { name: 'Company' }))
    expect(await view.findByText('Analytical Ltd')).toBeTruthy()
    await waitFor(() => expect(view.queryByText('Contacts of your company')).toBeNull())
    expect(view.queryByRole('button', { name: 'Send the invitation' })).toBeNull()
  })
})
