import { fireEvent, waitFor } from '@testing-library/preact'
import { HttpResponse, http } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import {
  API,
  account,
  application,
  detail,
  incident,
  kyc,
  multiPortal,
  problem,
  session,
  singlePortal,
} from './fixtures.js'
import { cleanupPortals, renderPortal } from './render.js'
import { server } from './server.js'

function type(field: HTMLElement, value: string) {
  fireEvent.input(field, { target: { value } })
}

function landOn(id: string, process = incident) {
  server.use(
    http.get(`${API}/v1/me/applications`, () => HttpResponse.json({ items: [application(id, process)] })),
    http.get(`${API}/v1/me/applications/${id}`, () => HttpResponse.json(detail(application(id, process)))),
    http.get(`${API}/v1/me/applications/${id}/notes`, () => HttpResponse.json({ items: [] })),
  )
}

describe('process picker → register → application', () => {
  it('registers for the picked process with its form answers and lands on the new application', async () => {
    let sent: Record<string, unknown> = {}
    let key: string | null = null
    server.use(
      http.post(`${API}/v1/portals/acme-services/register`, async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>
        key = request.headers.get('idempotency-key')
        return HttpResponse.json(session('a1'), { status: 201 })
      }),
    )
    landOn('a1')
    const { view, events } = renderPortal('acme-services', {
      tags: ['spring'],
      source: { utm_source: 'newsletter' },
    })
    const created: unknown[] = []
    events.on('application:created', (payload) => created.push(payload))
    fireEvent.click(await view.findByRole('button', { name: 'Report an incident' }))
    expect(await view.findByRole('heading', { name: 'Create your account' })).toBeTruthy()
    type(view.getByLabelText('Full name'), 'Ada Lovelace')
    type(view.getByLabelText('E-mail'), 'ada@example.com')
    type(view.getByLabelText('Password'), 'analytical engine')
    type(view.getByLabelText(/Summary/), 'Card blocked')
    type(view.getByLabelText(/Details/), 'Since Monday')
    fireEvent.click(view.getByRole('button', { name: 'Create account and start' }))
    expect(await view.findByRole('heading', { name: 'Report an incident' })).toBeTruthy()
    expect(view.getByRole('combobox', { name: 'Your applications' })).toBeTruthy()
    expect(sent).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      password: 'analytical engine',
      process: 'incident',
      locale: 'en',
      data: { summary: 'Card blocked', details: 'Since Monday' },
      tags: ['spring'],
      source: { utm_source: 'newsletter' },
    })
    expect(key).toMatch(/.{8,}/)
    expect(created).toEqual([{ applicationId: 'a1', process: 'incident' }])
  })

  it('uploads the file of a file field once the application exists, with the session token', async () => {
    server.use(
      http.post(`${API}/v1/portals/acme-services/register`, () =>
        HttpResponse.json(session('a1'), { status: 201 }),
      ),
    )
    landOn('a1')
    // jsdom's FormData does not survive msw's XMLHttpRequest interception intact, so only the token is
    // checked here; the Chromium journey checks the uploaded file itself.
    let auth: string | null = null
    server.use(
      http.post(`${API}/v1/me/applications/a1/attachments`, ({ request }) => {
        auth = request.headers.get('authorization')
        return HttpResponse.json(
          {
            id: 'f1',
            filename: 'photo.png',
            contentType: 'image/png',
            size: 3,
            sha256: 'x',
            field: 'evidence',
            createdAt: '2026-11-21T12:00:00.000Z',
          },
          { status: 201 },
        )
      }),
    )
    const { view } = renderPortal('acme-services', { process: 'incident' })
    type(await view.findByLabelText('Full name'), 'Ada Lovelace')
    type(view.getByLabelText('E-mail'), 'ada@example.com')
    type(view.getByLabelText('Password'), 'analytical engine')
    type(view.getByLabelText('Summary'), 'Broken card')
    fireEvent.change(view.getByLabelText('Evidence'), {
      target: { files: [new File(['png'], 'photo.png', { type: 'image/png' })] },
    })
    fireEvent.click(view.getByRole('button', { name: 'Create account and start' }))
    expect(await view.findByText('photo.png uploaded')).toBeTruthy()
    expect(auth).toBe('Bearer pt_test')
  })

  it('lists an uploaded file once when the application was read after the upload was stored', async () => {
    server.use(
      http.post(`${API}/v1/portals/acme-services/register`, () =>
        HttpResponse.json(session('a1'), { status: 201 }),
      ),
    )
    landOn('a1')
    const photo = {
      id: 'f1',
      filename: 'photo.png',
      contentType: 'image/png',
      size: 3,
      sha256: 'x',
      field: 'evidence',
      createdAt: '2026-11-21T12:00:00.000Z',
    }
    let stored: () => void = () => {}
    const upload = new Promise<void>((resolve) => {
      stored = resolve
    })
    const { view } = renderPortal('acme-services', { process: 'incident' })
    const download = () => view.getAllByRole('button', { name: 'Download photo.png' })
    // The application is read once the file is stored (a live reload does the same), and the
    // upload's own answer arrives after the read.
    server.use(
      http.get(`${API}/v1/me/applications/a1`, async () => {
        await upload
        return HttpResponse.json(detail(application('a1', incident), { attachments: [photo] }))
      }),
      http.post(`${API}/v1/me/applications/a1/attachments`, async () => {
        stored()
        await waitFor(() => expect(download()).toHaveLength(1))
        return HttpResponse.json(photo, { status: 201 })
      }),
    )
    type(await view.findByLabelText('Full name'), 'Ada Lovelace')
    type(view.getByLabelText('E-mail'), 'ada@example.com')
    type(view.getByLabelText('Password'), 'analytical engine')
    type(view.getByLabelText('Summary'), 'Broken card')
    fireEvent.change(view.getByLabelText('Evidence'), {
      target: { files: [new File(['png'], 'photo.png', { type: 'image/png' })] },
    })
    fireEvent.click(view.getByRole('button', { name: 'Create account and start' }))
    expect(await view.findByText('photo.png uploaded')).toBeTruthy()
    expect(download()).toHaveLength(1)
  })

  it('asks no password where the portal offers no password sign-in, and sends none', async () => {
    let sent: Record<string, unknown> = {}
    server.use(
      http.get(`${API}/v1/portals/acme-onboarding`, () =>
        HttpResponse.json({ ...singlePortal, signInMethods: ['code', 'link'] }),
      ),
      http.post(`${API}/v1/portals/acme-onboarding/register`, async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>
        return HttpResponse.json(session('a1'), { status: 201 })
      }),
    )
    landOn('a1', account)
    const { view } = renderPortal('acme-onboarding')
    expect(await view.findByRole('heading', { name: 'Create your account' })).toBeTruthy()
    expect(view.queryByLabelText('Password')).toBeNull()
    type(view.getByLabelText('Full name'), 'Ada Lovelace')
    type(view.getByLabelText('E-mail'), 'ada@example.com')
    fireEvent.click(view.getByRole('button', { name: 'Create account and start' }))
    expect(await view.findByRole('heading', { name: account.name.en })).toBeTruthy()
    expect(sent).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', process: account.slug })
    expect(sent).not.toHaveProperty('password')
  })

  it('skips the picker on a single-process portal', async () => {
    const { view } = renderPortal('acme-onboarding')
    expect(await view.findByRole('heading', { name: 'Create your account' })).toBeTruthy()
    expect(view.getByText(account.name.en)).toBeTruthy()
  })

  it('shows a 400 field message next to its field and keeps what the user typed', async () => {
    server.use(
      http.post(`${API}/v1/portals/acme-onboarding/register`, () =>
        problem(400, 'Invalid request body', {
          detail: 'Some fields are missing or invalid.',
          errors: [{ field: 'email', message: 'This e-mail domain is not accepted' }],
        }),
      ),
    )
    const { view } = renderPortal('acme-onboarding')
    type(await view.findByLabelText('Full name'), 'Ada Lovelace')
    type(view.getByLabelText('E-mail'), 'ada@blocked.example')
    type(view.getByLabelText('Password'), 'analytical engine')
    fireEvent.click(view.getByRole('button', { name: 'Create account and start' }))
    expect(await view.findByText('This e-mail domain is not accepted')).toBeTruthy()
    expect(view.getByRole('alert').textContent).toBe('Some fields are missing or invalid.')
    const email = view.getByLabelText('E-mail') as HTMLInputElement
    expect(email.getAttribute('aria-invalid')).toBe('true')
    expect(email.value).toBe('ada@blocked.example')
    expect((view.getByLabelText('Full name') as HTMLInputElement).value).toBe('Ada Lovelace')
    expect((view.getByLabelText('Password') as HTMLInputElement).value).toBe('analytical engine')
  })

  it('explains a 409 when the e-mail already has an account', async () => {
    server.use(
      http.post(`${API}/v1/portals/acme-onboarding/register`, () =>
        problem(409, 'Account already exists', {
          detail: 'An account with this e-mail already exists: log in instead.',
          errors: [{ field: 'email', message: 'An account with this e-mail already exists: log in instead' }],
        }),
      ),
    )
    const { view } = renderPortal('acme-onboarding')
    type(await view.findByLabelText('Full name'), 'Ada Lovelace')
    type(view.getByLabelText('E-mail'), 'ada@example.com')
    type(view.getByLabelText('Password'), 'analytical engine')
    fireEvent.click(view.getByRole('button', { name: 'Create account and start' }))
    expect(await view.findByText('An account with this e-mail already exists: log in instead')).toBeTruthy()
  })

  it('shows the password rule before the first error, tied to the field', async () => {
    const { view } = renderPortal('acme-onboarding')
    const password = await view.findByLabelText('Password')
    const rule = view.getByText('At least 8 characters.')
    expect(password.getAttribute('aria-describedby')).toBe(rule.id)
    expect(password.getAttribute('autocomplete')).toBe('new-password')
  })

  it('validates the account and the process form on the client before sending anything', async () => {
    let calls = 0
    server.use(
      http.post(`${API}/v1/portals/acme-services/register`, () => {
        calls++
        return HttpResponse.json(session('a1'), { status: 201 })
      }),
    )
    const { view } = renderPortal('acme-services', { process: 'kyc' })
    type(await view.findByLabelText('E-mail'), 'not-an-email')
    type(view.getByLabelText(/Phone/), 'call me maybe')
    fireEvent.click(view.getByRole('button', { name: 'Create account and start' }))
    expect(await view.findByText('Enter a valid e-mail address')).toBeTruthy()
    expect(view.getByText('Enter your name')).toBeTruthy()
    expect(view.getByText('Enter a valid phone number')).toBeTruthy()
    // Date of birth, country and the consent box are required.
    expect(view.getAllByText('This field is required')).toHaveLength(3)
    expect(view.getByText('Please correct the highlighted fields.')).toBeTruthy()
    expect(calls).toBe(0)
  })

  it('keeps a draft of what was typed (never the password) across a reload', async () => {
    const first = renderPortal('acme-onboarding')
    type(await first.view.findByLabelText('Full name'), 'Ada Lovelace')
    type(first.view.getByLabelText('Password'), 'analytical engine')
    const again = renderPortal('acme-onboarding')
    expect(((await again.view.findByLabelText('Full name')) as HTMLInputElement).value).toBe('Ada Lovelace')
    expect((again.view.getByLabelText('Password') as HTMLInputElement).value).toBe('')
  })
})

describe('login', () => {
  it('lands on the most recent application', async () => {
    server.use(http.post(`${API}/v1/portals/acme-services/login`, () => HttpResponse.json(session('a2'))))
    server.use(
      http.get(`${API}/v1/me/applications`, () =>
        HttpResponse.json({
          items: [application('a2', kyc, '2026-11-21T10:00:00.000Z'), application('a1', incident)],
        }),
      ),
      http.get(`${API}/v1/me/applications/a2`, () => HttpResponse.json(detail(application('a2', kyc)))),
      http.get(`${API}/v1/me/applications/a2/notes`, () => HttpResponse.json({ items: [] })),
    )
    const { view } = renderPortal('acme-services')
    fireEvent.click(await view.findByRole('button', { name: 'Already have an account? Log in' }))
    type(await view.findByLabelText('E-mail'), 'ada@example.com')
    type(view.getByLabelText('Password'), 'analytical engine')
    fireEvent.click(view.getByRole('button', { name: 'Log in' }))
    expect(await view.findByRole('heading', { name: 'Verify your identity' })).toBeTruthy()
    const switcher = view.getByRole('combobox', { name: 'Your applications' }) as HTMLSelectElement
    expect(switcher.value).toBe('a2')
    expect([...switcher.options].map((o) => o.value)).toEqual(['a2', 'a1'])
  })

  it('shows the API message on a wrong password and keeps the e-mail', async () => {
    server.use(
      http.post(`${API}/v1/portals/acme-closed/login`, () =>
        problem(401, 'Wrong e-mail or password', { detail: 'Check your e-mail and password and try again.' }),
      ),
    )
    const { view } = renderPortal('acme-closed')
    expect(
      await view.findByText('Registration is closed on this portal: log in with your account.'),
    ).toBeTruthy()
    expect(view.queryByRole('button', { name: 'New here? Create an account' })).toBeNull()
    type(view.getByLabelText('E-mail'), 'ada@example.com')
    type(view.getByLabelText('Password'), 'wrong password')
    fireEvent.click(view.getByRole('button', { name: 'Log in' }))
    expect(await view.findByText('Check your e-mail and password and try again.')).toBeTruthy()
    expect((view.getByLabelText('E-mail') as HTMLInputElement).value).toBe('ada@example.com')
  })

  it('says an empty password is required, never the registration rule, in English and French', async () => {
    let sent = false
    server.use(
      http.post(`${API}/v1/portals/acme-closed/login`, () => {
        sent = true
        return problem(401, 'Wrong e-mail or password')
      }),
    )
    for (const [locale, email, password, submit, message] of [
      ['en', 'E-mail', 'Password', 'Log in', 'This field is required'],
      ['fr', 'E-mail', 'Mot de passe', 'Se connecter', 'Ce champ est obligatoire'],
    ] as const) {
      const { view } = renderPortal('acme-closed', { locale })
      type(await view.findByLabelText(email), 'ada@example.com')
      fireEvent.click(view.getByRole('button', { name: submit }))
      const error = await view.findByText(message)
      expect(view.getByLabelText(password).getAttribute('aria-describedby')).toContain(error.id)
      expect(view.queryByText(/8/)).toBeNull()
      expect((view.getByLabelText(email) as HTMLInputElement).value).toBe('ada@example.com')
      cleanupPortals()
    }
    expect(sent).toBe(false)
  })

  it('says when too many attempts were made (429)', async () => {
    server.use(
      http.post(`${API}/v1/portals/acme-closed/login`, () =>
        problem(429, 'Too many attempts', { detail: 'Wait 15 minutes before trying again.' }),
      ),
    )
    const { view } = renderPortal('acme-closed')
    type(await view.findByLabelText('E-mail'), 'ada@example.com')
    type(view.getByLabelText('Password'), 'whatever123')
    fireEvent.click(view.getByRole('button', { name: 'Log in' }))
    expect(await view.findByText('Wait 15 minutes before trying again.')).toBeTruthy()
  })
})

describe('forgot, reset and invitation', () => {
  it('drops a view\'s messages when leaving it and empties the password after "reset link sent"', async () => {
    server.use(
      http.post(`${API}/v1/portals/acme-closed/login`, () =>
        problem(401, 'Wrong e-mail or password', { detail: 'Check your e-mail and password and try again.' }),
      ),
      http.post(
        `${API}/v1/portals/acme-closed/forgot-password`,
        () => new HttpResponse(null, { status: 202 }),
      ),
    )
    const { view } = renderPortal('acme-closed')
    type(await view.findByLabelText('E-mail'), 'ada@example.com')
    type(view.getByLabelText('Password'), 'wrong password')
    fireEvent.click(view.getByRole('button', { name: 'Log in' }))
    expect(await view.findByText('Check your e-mail and password and try again.')).toBeTruthy()
    fireEvent.click(view.getByRole('button', { name: 'Forgot your password?' }))
    type(await view.findByLabelText('E-mail'), 'ada@example.com')
    fireEvent.click(view.getByRole('button', { name: 'Send the link' }))
    expect(
      await view.findByText('If this e-mail has an account, a link to reset the password is on its way.'),
    ).toBeTruthy()
    expect(view.queryByText('Check your e-mail and password and try again.')).toBeNull()
    expect((view.getByLabelText('Password') as HTMLInputElement).value).toBe('')
    expect((view.getByLabelText('E-mail') as HTMLInputElement).value).toBe('ada@example.com')
  })

  it('sends a reset link and says so without telling whether the e-mail exists', async () => {
    let sent: unknown
    server.use(
      http.post(`${API}/v1/portals/acme-closed/forgot-password`, async ({ request }) => {
        sent = await request.json()
        return new HttpResponse(null, { status: 202 })
      }),
    )
    const { view } = renderPortal('acme-closed')
    fireEvent.click(await view.findByRole('button', { name: 'Forgot your password?' }))
    type(await view.findByLabelText('E-mail'), 'ada@example.com')
    fireEvent.click(view.getByRole('button', { name: 'Send the link' }))
    expect(
      await view.findByText('If this e-mail has an account, a link to reset the password is on its way.'),
    ).toBeTruthy()
    expect(view.getByRole('heading', { name: 'Log in' })).toBeTruthy()
    expect(sent).toEqual({ email: 'ada@example.com' })
  })

  it('reads the reset token from the address, removes it, and logs in with the new password', async () => {
    history.replaceState(null, '', '/client-area?portico_reset=tok123&lang=fr')
    let sent: unknown
    server.use(
      http.post(`${API}/v1/portals/acme-closed/reset-password`, async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(session('a1'))
      }),
    )
    landOn('a1')
    const { view } = renderPortal('acme-closed')
    expect(await view.findByRole('heading', { name: 'Choose a new password' })).toBeTruthy()
    expect(location.search).toBe('?lang=fr')
    type(view.getByLabelText('New password'), 'a brand new one')
    fireEvent.click(view.getByRole('button', { name: 'Save the password and log in' }))
    expect(await view.findByRole('heading', { name: 'Report an incident' })).toBeTruthy()
    expect(sent).toEqual({ token: 'tok123', password: 'a brand new one' })
  })

  it('reads an invitation from the link the API e-mails (fragment), leaving links for other portals alone', async () => {
    history.replaceState(null, '', '/client-area#portico-invitation=inv1&portal=acme-services')
    const other = renderPortal('acme-closed')
    expect(await other.view.findByRole('heading', { name: 'Log in' })).toBeTruthy()
    expect(location.hash).toBe('#portico-invitation=inv1&portal=acme-services')
    let sent: unknown
    server.use(
      http.post(`${API}/v1/portals/acme-services/accept-invitation`, async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(session('a1'))
      }),
    )
    landOn('a1')
    const { view } = renderPortal('acme-services')
    expect(await view.findByRole('heading', { name: 'Accept your invitation' })).toBeTruthy()
    expect(location.hash).toBe('')
    fireEvent.input(view.getByLabelText('Password'), { target: { value: 'my first password' } })
    fireEvent.click(view.getByRole('button', { name: 'Activate my account' }))
    expect(await view.findByRole('heading', { name: 'Report an incident' })).toBeTruthy()
    expect(sent).toEqual({ token: 'inv1', password: 'my first password' })
  })

  it('shows an expired invitation clearly', async () => {
    history.replaceState(null, '', '/client-area?portico_invite=old')
    server.use(
      http.post(`${API}/v1/portals/acme-closed/accept-invitation`, () =>
        problem(400, 'Invalid or expired link', {
          detail: 'This invitation has expired: ask for a new one.',
        }),
      ),
    )
    const { view } = renderPortal('acme-closed')
    expect(await view.findByRole('heading', { name: 'Accept your invitation' })).toBeTruthy()
    expect(location.search).toBe('')
    type(view.getByLabelText('Password'), 'my first password')
    fireEvent.click(view.getByRole('button', { name: 'Activate my account' }))
    expect(await view.findByText('This invitation has expired: ask for a new one.')).toBeTruthy()
    expect((view.getByLabelText('Password') as HTMLInputElement).value).toBe('my first password')
  })
})

describe('loading the portal', () => {
  it('offers to try again when the API cannot be reached, then recovers', async () => {
    let fail = true
    server.use(
      http.get(`${API}/v1/portals/acme-closed`, () =>
        fail ? HttpResponse.error() : problem(404, 'Portal not found'),
      ),
    )
    const { view } = renderPortal('acme-closed')
    const retry = await view.findByRole('button', { name: 'Try again' })
    expect(view.getByText('We could not reach the server. Check your connection and try again.')).toBeTruthy()
    fail = false
    fireEvent.click(retry)
    expect(
      await view.findByText('This portal could not be found. Check the portal name of the page.'),
    ).toBeTruthy()
  })

  it("speaks the portal's default language when neither the page nor the browser names a supported one", async () => {
    server.use(
      http.get(`${API}/v1/portals/acme-services`, () =>
        HttpResponse.json({ ...multiPortal, defaultLocale: 'fr' }),
      ),
    )
    const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE', 'de'])
    const { view } = renderPortal('acme-services', { locale: 'de' })
    expect(await view.findByRole('heading', { name: 'Que souhaitez-vous faire\u202f?' })).toBeTruthy()
    cleanupPortals()
    // The browser's language still comes before the portal's default.
    languages.mockReturnValue(['en-GB', 'fr'])
    const english = renderPortal('acme-services', { locale: 'de' })
    expect(await english.view.findByRole('heading', { name: 'What would you like to do?' })).toBeTruthy()
    languages.mockRestore()
  })

  it('speaks French when asked to', async () => {
    const { view } = renderPortal('acme-services', { locale: 'fr' })
    expect(await view.findByRole('heading', { name: 'Que souhaitez-vous faire\u202f?' })).toBeTruthy()
    fireEvent.click(view.getByRole('button', { name: 'Vérifier votre identité' }))
    await waitFor(() => expect(view.getByLabelText(/Date de naissance/)).toBeTruthy())
    expect(view.getByRole('option', { name: 'Belgique' })).toBeTruthy()
  })
})
