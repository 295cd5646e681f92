import { fireEvent, waitFor, within } from '@testing-library/preact'
import { delay, HttpResponse, http } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { API, application, detail, incident, kyc, multiPortal, problem } from './fixtures.js'
import { loggedIn, serveApplications } from './login.js'
import { me, server } from './server.js'

const a1 = application('a1', incident, '2026-11-10T10:00:00.000Z')
const a2 = application('a2', kyc, '2026-11-21T10:00:00.000Z')

afterEach(() => {
  vi.restoreAllMocks()
})

describe('header and application switcher', () => {
  it('switches between applications from the top right', async () => {
    serveApplications([a2, a1], { a1: { data: { summary: 'Card blocked' } } })
    const { view, events } = await loggedIn()
    const opened: string[] = []
    events.on('application:opened', ({ application }) => opened.push(application.id))
    expect(await view.findByRole('heading', { name: 'Verify your identity' })).toBeTruthy()
    const switcher = view.getByRole('combobox', { name: 'Your applications' }) as HTMLSelectElement
    expect([...switcher.options].map((o) => o.text)).toEqual([
      'Verify your identity — Submitted — Nov 21, 2026',
      'Report an incident — Submitted — Nov 10, 2026',
    ])
    // Choosing (as arrow keys do on a closed select) does not navigate: Open does.
    fireEvent.change(switcher, { target: { value: 'a1' } })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(view.getByRole('heading', { name: 'Verify your identity' })).toBeTruthy()
    fireEvent.click(view.getByRole('button', { name: 'Open' }))
    expect(await view.findByRole('heading', { name: 'Report an incident' })).toBeTruthy()
    expect(view.getByText('Card blocked')).toBeTruthy()
    await waitFor(() => expect(opened).toContain('a1'))
  })

  it("moves focus to the new view's heading even when its data takes seconds", async () => {
    serveApplications([a2, a1])
    server.use(
      http.get(`${API}/v1/me/applications/a1`, async () => {
        await delay(1500)
        return HttpResponse.json(detail(a1))
      }),
    )
    const { view } = await loggedIn('acme-services', { timeout: 5000 })
    await view.findByRole('heading', { name: 'Verify your identity' })
    fireEvent.change(view.getByRole('combobox', { name: 'Your applications' }), { target: { value: 'a1' } })
    fireEvent.click(view.getByRole('button', { name: 'Open' }))
    const heading = await view.findByRole('heading', { name: 'Report an incident' }, { timeout: 4000 })
    await waitFor(() => expect(heading.ownerDocument.activeElement?.shadowRoot?.activeElement).toBe(heading))
  })

  it('hides the modules the profile does not open', async () => {
    serveApplications([a1])
    server.use(http.get(`${API}/v1/me`, () => HttpResponse.json({ ...me, modules: ['applications'] })))
    const { view } = await loggedIn()
    await view.findByRole('heading', { name: 'Report an incident' })
    expect(view.getByRole('button', { name: 'Applications' })).toBeTruthy()
    expect(view.queryByRole('button', { name: 'Contracts' })).toBeNull()
    expect(view.queryByRole('button', { name: 'Company' })).toBeNull()
  })

  it('logs out: revokes the token and goes back to login', async () => {
    serveApplications([a1])
    let revoked = ''
    server.use(
      http.post(`${API}/v1/me/logout`, ({ request }) => {
        revoked = request.headers.get('authorization') ?? ''
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const { view } = await loggedIn()
    const menu = view.getByRole('button', { name: 'Account menu of Ada Lovelace' })
    expect(menu.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(menu)
    await waitFor(() => expect(menu.getAttribute('aria-expanded')).toBe('true'))
    fireEvent.click(await view.findByRole('button', { name: 'Log out' }))
    expect(await view.findByRole('heading', { name: 'Log in' })).toBeTruthy()
    expect(revoked).toBe('Bearer pt_test')
    expect(view.queryByRole('combobox', { name: 'Your applications' })).toBeNull()
  })
})

describe('contact menu', () => {
  it('logs out on every device from the menu', async () => {
    serveApplications([a1])
    let everywhere = ''
    server.use(
      http.post(`${API}/v1/me/logout-everywhere`, ({ request }) => {
        everywhere = request.headers.get('authorization') ?? ''
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const { view } = await loggedIn()
    const menu = view.getByRole('button', { name: 'Account menu of Ada Lovelace' })
    fireEvent.click(menu)
    // Escape closes the menu and gives focus back to its button.
    fireEvent.keyDown(await view.findByRole('button', { name: 'Your profile' }), { key: 'Escape' })
    await waitFor(() => expect(menu.getAttribute('aria-expanded')).toBe('false'))
    expect(menu.ownerDocument.activeElement?.shadowRoot?.activeElement).toBe(menu)
    fireEvent.click(menu)
    fireEvent.click(await view.findByRole('button', { name: 'Log out on every device' }))
    expect(await view.findByRole('heading', { name: 'Log in' })).toBeTruthy()
    expect(everywhere).toBe('Bearer pt_test')
  })

  it('edits the profile as PATCH /v1/me allows, and the name in the header follows', async () => {
    serveApplications([a1])
    let patch: unknown
    server.use(
      http.patch(`${API}/v1/me`, async ({ request }) => {
        patch = await request.json()
        return HttpResponse.json({ ...me, name: 'Ada King', locale: 'fr' })
      }),
    )
    const { view } = await loggedIn()
    fireEvent.click(view.getByRole('button', { name: 'Account menu of Ada Lovelace' }))
    fireEvent.click(await view.findByRole('button', { name: 'Your profile' }))
    const name = (await view.findByLabelText('Full name')) as HTMLInputElement
    expect(name.value).toBe('Ada Lovelace')
    fireEvent.input(name, { target: { value: '' } })
    fireEvent.click(view.getByRole('button', { name: 'Save' }))
    expect(await view.findByText('Enter your name')).toBeTruthy()
    fireEvent.input(name, { target: { value: ' Ada King ' } })
    fireEvent.input(view.getByLabelText('Phone'), { target: { value: '+44 1234' } })
    fireEvent.change(view.getByLabelText('Language of e-mails'), { target: { value: 'fr' } })
    fireEvent.click(view.getByRole('button', { name: 'Save' }))
    expect(await view.findByText('Your profile was saved.')).toBeTruthy()
    expect(patch).toEqual({ name: 'Ada King', phone: '+44 1234', locale: 'fr' })
    expect(await view.findByRole('button', { name: 'Account menu of Ada King' })).toBeTruthy()
  })
})

describe('applications dashboard', () => {
  it('lists applications with status, dates and who started them, loads more by cursor, and resumes a draft', async () => {
    const draft = { ...application('a3', incident, '2026-11-01T10:00:00.000Z'), status: 'draft' as const }
    const colleague = {
      ...application('a4', kyc, '2026-10-01T10:00:00.000Z'),
      status: 'approved' as const,
      updatedAt: '2026-11-30T10:00:00.000Z',
      contact: { id: 'c2', name: 'Charles Babbage' },
    }
    serveApplications([a2, a1, draft, colleague])
    const cursors: (string | null)[] = []
    server.use(
      http.get(`${API}/v1/me/applications`, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor')
        cursors.push(cursor)
        return HttpResponse.json(
          cursor === 'page2'
            ? { items: [draft, colleague], nextCursor: null }
            : { items: [a2, a1], nextCursor: 'page2' },
        )
      }),
    )
    const { view } = await loggedIn()
    // Login still lands on the most recent application.
    await view.findByRole('heading', { name: 'Verify your identity' })
    fireEvent.click(view.getByRole('button', { name: 'Applications' }))
    const heading = await view.findByRole('heading', { name: 'Your applications' })
    await waitFor(() => expect(heading.ownerDocument.activeElement?.shadowRoot?.activeElement).toBe(heading))
    const list = await view.findByRole('list')
    expect(within(list).getAllByRole('listitem')).toHaveLength(2)
    expect(within(list).getAllByText('Submitted')).toHaveLength(2)
    fireEvent.click(view.getByRole('button', { name: 'Show more applications' }))
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(4))
    expect(cursors.at(-1)).toBe('page2')
    expect(view.queryByRole('button', { name: 'Show more applications' })).toBeNull()
    const approved = within(list).getByText('Approved').closest('li') as HTMLElement
    expect(within(approved).getByText(/by Charles Babbage/)).toBeTruthy()
    expect(within(approved).getByText('Started Oct 1, 2026 · updated Nov 30, 2026')).toBeTruthy()
    // The status reads without colour: an icon beside its name, hidden from screen readers.
    expect(approved.querySelector('[data-status=approved] [aria-hidden=true]')?.textContent).toBe('✓')
    fireEvent.click(view.getByRole('button', { name: 'Resume Report an incident' }))
    expect(await view.findByRole('heading', { name: 'Report an incident' })).toBeTruthy()
    expect(view.getByText('Finish your answers and submit the application.')).toBeTruthy()
    expect(view.getByText(/ACME-000003/)).toBeTruthy()
    fireEvent.click(view.getByRole('button', { name: 'Applications' }))
    fireEvent.click(await view.findByRole('button', { name: 'Start a new application' }))
    expect(await view.findByRole('heading', { name: 'New application' })).toBeTruthy()
  })
})

describe('application detail', () => {
  it('shows the status history newest first, with the message staff wrote', async () => {
    serveApplications([{ ...a1, status: 'in_review' }], {
      a1: {
        history: [
          { status: 'submitted', previous: null, message: null, at: '2026-11-10T10:00:00.000Z' },
          {
            status: 'in_review',
            previous: 'submitted',
            message: 'We are checking your card details.',
            at: '2026-11-12T09:30:00.000Z',
          },
        ],
      },
    })
    const { view } = await loggedIn()
    await view.findByRole('heading', { name: 'Report an incident' })
    const history = view.getByRole('heading', { name: 'Status history' }).nextElementSibling as HTMLElement
    const items = within(history).getAllByRole('listitem')
    expect(items.map((item) => item.querySelector('[data-status]')?.getAttribute('data-status'))).toEqual([
      'in_review',
      'submitted',
    ])
    expect(within(items[0] as HTMLElement).getByText('We are checking your card details.')).toBeTruthy()
  })

  it('shows the answers and the notes timeline, and adds a note', async () => {
    serveApplications([a2], { a2: { data: { birthDate: '1815-12-10', country: 'fr', consent: true } } })
    server.use(
      http.get(`${API}/v1/me/applications/a2/notes`, () =>
        HttpResponse.json({
          items: [
            {
              id: 'n1',
              author: { type: 'staff', name: 'Grace' },
              body: 'Please upload your ID.',
              createdAt: '2026-11-21T11:00:00.000Z',
            },
          ],
        }),
      ),
      http.post(`${API}/v1/me/applications/a2/notes`, async ({ request }) => {
        const { body } = (await request.json()) as { body: string }
        return HttpResponse.json(
          {
            id: 'n2',
            author: { type: 'contact', name: 'Ada Lovelace' },
            body,
            createdAt: '2026-11-21T12:00:00.000Z',
          },
          { status: 201 },
        )
      }),
    )
    const { view } = await loggedIn()
    expect(await view.findByText('Grace (staff)')).toBeTruthy()
    expect(view.getByText('Please upload your ID.')).toBeTruthy()
    // Staff replies are set apart from the contact's own notes, in words as well as in colour.
    const reply = view.getByText('Please upload your ID.').closest('li') as HTMLElement
    expect(within(reply).getByText('Staff reply')).toBeTruthy()
    expect(view.getByText('Our team will review it; this page shows when it moves.')).toBeTruthy()
    expect(view.getByText('1815-12-10')).toBeTruthy()
    expect(view.getByText('France')).toBeTruthy()
    expect(view.getByText('Yes')).toBeTruthy()
    fireEvent.click(view.getByRole('button', { name: 'Add the note' }))
    expect(await view.findByText('Write a note')).toBeTruthy()
    fireEvent.input(view.getByLabelText('Add a note'), { target: { value: 'Uploaded it just now.' } })
    fireEvent.click(view.getByRole('button', { name: 'Add the note' }))
    expect(await view.findByText('Uploaded it just now.')).toBeTruthy()
    expect((view.getByLabelText('Add a note') as HTMLTextAreaElement).value).toBe('')
  })

  it('opens a long thread at its newest notes and shows earlier ones on demand', async () => {
    serveApplications([a2])
    const note = (id: string, body: string, at: string) => ({
      id,
      author: { type: 'contact', name: 'Ada Lovelace' },
      body,
      createdAt: at,
    })
    const cursors: (string | null)[] = []
    server.use(
      http.get(`${API}/v1/me/applications/a2/notes`, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor')
        cursors.push(cursor)
        return HttpResponse.json(
          cursor === 'older'
            ? { items: [note('n1', 'The first note', '2026-11-21T09:00:00.000Z')], nextCursor: null }
            : { items: [note('n2', 'The latest note', '2026-11-21T12:00:00.000Z')], nextCursor: 'older' },
        )
      }),
    )
    const { view } = await loggedIn()
    expect(await view.findByText('The latest note')).toBeTruthy()
    expect(view.queryByText('The first note')).toBeNull()
    fireEvent.click(view.getByRole('button', { name: 'Show earlier notes' }))
    expect(await view.findByText('The first note')).toBeTruthy()
    // Earlier notes go on top, in reading order; the button leaves with the last page.
    const first = view.getByText('The first note')
    const latest = view.getByText('The latest note')
    expect(first.compareDocumentPosition(latest) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(view.queryByRole('button', { name: 'Show earlier notes' })).toBeNull()
    expect(cursors).toEqual([null, 'older'])
  })

  it('uploads a file with progress and lists it', async () => {
    serveApplications([a1])
    let received: File | null = null
    server.use(
      http.post(`${API}/v1/me/applications/a1/attachments`, async ({ request }) => {
        received = (await request.formData()).get('file') as File
        return HttpResponse.json(
          {
            id: 'f9',
            filename: 'id-card.png',
            contentType: 'image/png',
            size: 4096,
            sha256: 'x',
            field: null,
            createdAt: '2026-11-21T12:00:00.000Z',
          },
          { status: 201 },
        )
      }),
    )
    const { view } = await loggedIn()
    await view.findByRole('heading', { name: 'Report an incident' })
    expect(view.getByText('No attachments yet.')).toBeTruthy()
    const file = new File(['x'.repeat(4096)], 'id-card.png', { type: 'image/png' })
    fireEvent.change(view.getByLabelText('Add files'), { target: { files: [file] } })
    expect(await view.findByText('id-card.png uploaded')).toBeTruthy()
    expect(await view.findByRole('button', { name: 'Download id-card.png' })).toBeTruthy()
    expect(received).not.toBeNull()
  })

  it('says why an upload was refused', async () => {
    serveApplications([a1])
    server.use(
      http.post(`${API}/v1/me/applications/a1/attachments`, () =>
        problem(415, 'Unsupported file type', { detail: 'Upload a PDF, PNG or JPEG file.' }),
      ),
    )
    const { view } = await loggedIn()
    await view.findByRole('heading', { name: 'Report an incident' })
    fireEvent.change(view.getByLabelText('Add files'), { target: { files: [new File(['MZ'], 'tool.exe')] } })
    expect(
      await view.findByText('tool.exe (2 bytes) could not be uploaded: Upload a PDF, PNG or JPEG file.'),
    ).toBeTruthy()
  })

  it('shows accepted types and the size limit before a file is chosen, sizes in words, and refuses a large file without sending it', async () => {
    serveApplications([a1], {
      a1: {
        attachments: [
          {
            id: 'f1',
            filename: 'note.txt',
            contentType: 'text/plain',
            size: 12,
            sha256: 'x',
            field: null,
            createdAt: '2026-11-20T10:00:00.000Z',
          },
        ],
      },
    })
    let sent = 0
    server.use(
      http.get(`${API}/v1/portals/acme-services`, () =>
        HttpResponse.json({
          ...multiPortal,
          uploads: { maxBytes: 1024 * 1024, allowedTypes: ['application/pdf', 'image/png'] },
        }),
      ),
      http.post(`${API}/v1/me/applications/a1/attachments`, () => {
        sent++
        return problem(500, 'Should not be called')
      }),
    )
    const { view } = await loggedIn()
    await view.findByRole('heading', { name: 'Report an incident' })
    expect(view.getByText('12 bytes')).toBeTruthy()
    const input = view.getByLabelText('Add files')
    const rules = view.getByText('Accepted: PDF, PNG; up to 1 MB per file.')
    expect(input.getAttribute('aria-describedby')).toBe(rules.id)
    const big = new File([new Uint8Array(2 * 1024 * 1024)], 'scan.pdf', { type: 'application/pdf' })
    fireEvent.change(input, { target: { files: [big] } })
    expect(
      await view.findByText('scan.pdf (2 MB) could not be uploaded: the file is larger than allowed'),
    ).toBeTruthy()
    expect(sent).toBe(0)
  })

  it('cancels an upload in progress, then retries it', async () => {
    serveApplications([a1])
    let calls = 0
    server.use(
      http.post(`${API}/v1/me/applications/a1/attachments`, async () => {
        calls++
        if (calls === 1) await delay('infinite')
        return HttpResponse.json(
          {
            id: 'f9',
            filename: 'id.png',
            contentType: 'image/png',
            size: 3,
            sha256: 'x',
            field: null,
            createdAt: '2026-11-21T12:00:00.000Z',
          },
          { status: 201 },
        )
      }),
    )
    const { view } = await loggedIn()
    await view.findByRole('heading', { name: 'Report an incident' })
    fireEvent.change(view.getByLabelText('Add files'), {
      target: { files: [new File(['abc'], 'id.png', { type: 'image/png' })] },
    })
    fireEvent.click(await view.findByRole('button', { name: 'Cancel id.png' }))
    expect(await view.findByText('id.png: upload cancelled')).toBeTruthy()
    fireEvent.click(view.getByRole('button', { name: 'Retry id.png' }))
    expect(await view.findByText('id.png uploaded')).toBeTruthy()
    expect(await view.findByRole('button', { name: 'Download id.png' })).toBeTruthy()
    expect(calls).toBe(2)
  })

  it('downloads an attachment with the session token', async () => {
    serveApplications([a1], {
      a1: {
        attachments: [
          {
            id: 'f1',
            filename: 'report.pdf',
            contentType: 'application/pdf',
            size: 2048,
            sha256: 'x',
            field: null,
            createdAt: '2026-11-20T10:00:00.000Z',
          },
        ],
      },
    })
    let auth = ''
    server.use(
      http.get(`${API}/v1/me/applications/a1/attachments/f1`, ({ request }) => {
        auth = request.headers.get('authorization') ?? ''
        return new HttpResponse('%PDF-1.7', { headers: { 'content-type': 'application/pdf' } })
      }),
    )
    // jsdom has no object URLs or downloads: record what the widget hands to the browser.
    const created: Blob[] = []
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob)
      return 'blob:report'
    }
    URL.revokeObjectURL = () => {}
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const { view } = await loggedIn()
    fireEvent.click(await view.findByRole('button', { name: 'Download report.pdf' }))
    await waitFor(() => expect(click).toHaveBeenCalled())
    expect(auth).toBe('Bearer pt_test')
    expect(await created[0]?.text()).toBe('%PDF-1.7')
  })
})

describe('new application', () => {
  it('explains a forbidden duplicate instead of hiding the process', async () => {
    serveApplications([a2])
    server.use(
      http.get(`${API}/v1/me/processes`, () =>
        HttpResponse.json({
          items: [
            { ...kyc, blocked: 'duplicate' },
            { ...incident, blocked: null },
          ],
        }),
      ),
    )
    const { view } = await loggedIn()
    fireEvent.click(await view.findByRole('button', { name: 'New application' }))
    const blocked = await view.findByRole('button', { name: 'Verify your identity' })
    expect(blocked.getAttribute('aria-disabled')).toBe('true')
    expect(view.getByText('You already have an application for this process.')).toBeTruthy()
    expect(view.getByRole('button', { name: 'Report an incident' }).getAttribute('aria-disabled')).toBeNull()
  })

  it('says when the portal takes no further application, and offers authorized processes', async () => {
    serveApplications([a2])
    const loan = {
      id: 'p9',
      slug: 'loan',
      name: { en: 'Apply for a loan', fr: 'Demander un prêt' },
      allowDuplicates: true,
      form: { fields: [] },
    }
    server.use(
      http.get(`${API}/v1/me/processes`, () =>
        HttpResponse.json({
          items: [
            { ...kyc, blocked: 'no-new' },
            { ...incident, blocked: 'no-new' },
            { ...loan, blocked: null },
          ],
        }),
      ),
    )
    const { view } = await loggedIn()
    fireEvent.click(await view.findByRole('button', { name: 'New application' }))
    fireEvent.click(await view.findByRole('button', { name: 'Apply for a loan' }))
    expect(await view.findByRole('heading', { name: 'New application: Apply for a loan' })).toBeTruthy()
    expect(view.queryByRole('button', { name: 'Verify your identity' })).toBeNull()
  })

  it('explains that no further application may be started', async () => {
    serveApplications([a2])
    server.use(
      http.get(`${API}/v1/me/processes`, () =>
        HttpResponse.json({
          items: [
            { ...kyc, blocked: 'no-new' },
            { ...incident, blocked: 'no-new' },
          ],
        }),
      ),
    )
    const { view } = await loggedIn()
    fireEvent.click(await view.findByRole('button', { name: 'New application' }))
    expect(
      await view.findByText('This portal does not allow further applications: follow your current one.'),
    ).toBeTruthy()
  })

  it('retries a failed creation with the same Idempotency-Key, so only one application exists', async () => {
    serveApplications([a1])
    const keys: (string | null)[] = []
    server.use(
      http.post(`${API}/v1/me/applications`, async ({ request }) => {
        keys.push(request.headers.get('idempotency-key'))
        if (keys.length === 1) return HttpResponse.error()
        const body = (await request.json()) as { data: Record<string, string> }
        expect(body.data).toEqual({ summary: 'Lost card' })
        return HttpResponse.json(detail(application('a3', incident)), { status: 201 })
      }),
      http.get(`${API}/v1/me/applications/a3`, () =>
        HttpResponse.json(detail(application('a3', incident), { data: { summary: 'Lost card' } })),
      ),
      http.get(`${API}/v1/me/applications/a3/notes`, () => HttpResponse.json({ items: [] })),
    )
    const { view } = await loggedIn()
    fireEvent.click(await view.findByRole('button', { name: 'New application' }))
    fireEvent.click(await view.findByRole('button', { name: 'Report an incident' }))
    fireEvent.input(await view.findByLabelText('Summary'), { target: { value: 'Lost card' } })
    fireEvent.click(view.getByRole('button', { name: 'Submit the application' }))
    expect(
      await view.findByText('We could not reach the server. Check your connection and try again.'),
    ).toBeTruthy()
    expect((view.getByLabelText('Summary') as HTMLInputElement).value).toBe('Lost card')
    fireEvent.click(view.getByRole('button', { name: 'Submit the application' }))
    expect(await view.findByText('Lost card')).toBeTruthy()
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBeTruthy()
    expect(keys[1]).toBe(keys[0])
  })

  it('shows server field errors next to their fields and a 409 duplicate message', async () => {
    serveApplications([a1])
    server.use(
      http.post(`${API}/v1/me/applications`, () =>
        problem(409, 'Duplicate application', {
          detail: 'You already have an application for this process.',
          errors: [{ field: 'summary', message: 'Already reported' }],
        }),
      ),
    )
    const { view } = await loggedIn()
    fireEvent.click(await view.findByRole('button', { name: 'New application' }))
    fireEvent.click(await view.findByRole('button', { name: 'Report an incident' }))
    fireEvent.input(await view.findByLabelText('Summary'), { target: { value: 'Lost card' } })
    fireEvent.click(view.getByRole('button', { name: 'Submit the application' }))
    expect(await view.findByText('Already reported')).toBeTruthy()
  })

  it('says when the server is too slow', async () => {
    serveApplications([a1])
    server.use(
      http.post(`${API}/v1/me/applications`, async () => {
        await delay(2000)
        return HttpResponse.json({}, { status: 201 })
      }),
    )
    const { view } = await loggedIn()
    fireEvent.click(await view.findByRole('button', { name: 'New application' }))
    fireEvent.click(await view.findByRole('button', { name: 'Report an incident' }))
    fireEvent.input(await view.findByLabelText('Summary'), { target: { value: 'Lost card' } })
    fireEvent.click(view.getByRole('button', { name: 'Submit the application' }))
    expect(
      await view.findByText('The server took too long to answer. Please try again.', {}, { timeout: 3000 }),
    ).toBeTruthy()
  })
})

describe('errors while browsing', () => {
  it('sends an expired session back to login, then back to where the contact was', async () => {
    serveApplications([a2, a1])
    const { view } = await loggedIn()
    await view.findByRole('heading', { name: 'Verify your identity' })
    server.use(http.get(`${API}/v1/me/applications/a1`, () => problem(401, 'Session expired')))
    fireEvent.change(view.getByRole('combobox', { name: 'Your applications' }), { target: { value: 'a1' } })
    fireEvent.click(view.getByRole('button', { name: 'Open' }))
    expect(
      await view.findByText('Your session has expired. Log in again to continue where you were.'),
    ).toBeTruthy()
    server.resetHandlers()
    serveApplications([a2, a1])
    server.use(
      http.post(`${API}/v1/portals/acme-services/login`, () =>
        HttpResponse.json({
          token: 'pt_new',
          expiresAt: '2030-01-01T00:00:00.000Z',
          contact: { id: 'c1', email: 'ada@example.com', name: 'Ada' },
          applicationId: 'a2',
        }),
      ),
    )
    fireEvent.input(view.getByLabelText('E-mail'), { target: { value: 'ada@example.com' } })
    fireEvent.input(view.getByLabelText('Password'), { target: { value: 'analytical engine' } })
    fireEvent.click(view.getByRole('button', { name: 'Log in' }))
    expect(await view.findByRole('heading', { name: 'Report an incident' })).toBeTruthy()
  })

  it('offers a retry after a 500, and recovers', async () => {
    serveApplications([a1])
    let fail = true
    server.use(
      http.get(`${API}/v1/me/applications/a1/notes`, () =>
        fail ? problem(500, 'Internal server error') : HttpResponse.json({ items: [] }),
      ),
    )
    const { view } = await loggedIn()
    expect(
      await view.findByText(
        'Something went wrong on our side. Please try again in a moment.',
        {},
        { timeout: 5000 },
      ),
    ).toBeTruthy()
    fail = false
    fireEvent.click(view.getByRole('button', { name: 'Try again' }))
    expect(
      await view.findByText('No notes yet. Write one to ask a question or share an update.'),
    ).toBeTruthy()
  })

  it('says when the profile does not open a module (403)', async () => {
    serveApplications([a1])
    server.use(http.get(`${API}/v1/me/contracts`, () => problem(403, 'Module not enabled')))
    const { view } = await loggedIn()
    fireEvent.click(view.getByRole('button', { name: 'Contracts' }))
    expect(await view.findByText('You do not have access to this part of the portal.')).toBeTruthy()
  })

  it('says when the browser is offline', async () => {
    serveApplications([a1])
    server.use(http.get(`${API}/v1/me/contracts`, () => HttpResponse.error()))
    const { view } = await loggedIn()
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    fireEvent.click(view.getByRole('button', { name: 'Contracts' }))
    expect(
      await view.findByText('You are offline. Check your connection and try again.', {}, { timeout: 5000 }),
    ).toBeTruthy()
  })
})
