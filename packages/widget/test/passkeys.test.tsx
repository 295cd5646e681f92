import type { Passkey, PortalConfig, SignInMethod } from '@portico/schema'
import { fireEvent, waitFor } from '@testing-library/preact'
import { HttpResponse, http } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enContact } from '../src/i18n/contact-en.js'
import { frContact } from '../src/i18n/contact-fr.js'
import { fr } from '../src/i18n/fr.js'
import { pwlEn, pwlFr } from '../src/i18n/passwordless.js'
import { API, application, closedPortal, incident, multiPortal, problem, session } from './fixtures.js'
import { loggedIn, serveApplications } from './login.js'
import { renderPortal } from './render.js'
import { server } from './server.js'

// jsdom has no WebAuthn: the browser's JSON helpers and navigator.credentials are stubbed. The
// helpers hand the options through; the credential answers its JSON form, as a browser's would.

const SLUG = 'acme-closed'
const requestOptions = { challenge: 'c2lnbi1pbg', rpId: 'localhost', userVerification: 'required' }
const creationOptions = { challenge: 'YWRk', rp: { id: 'localhost', name: 'Acme' } }
const assertion = { id: 'cred1', rawId: 'cred1', type: 'public-key', response: { signature: 'c2ln' } }
const attestation = {
  id: 'cred2',
  rawId: 'cred2',
  type: 'public-key',
  response: { attestationObject: 'YXR0' },
}
const credential = (json: object) => ({ toJSON: () => json })
const cancelled = () => Promise.reject(new DOMException('The operation was not allowed', 'NotAllowedError'))

const credentials = { get: vi.fn(), create: vi.fn() }
const parsed: unknown[] = []

beforeEach(() => {
  parsed.length = 0
  credentials.get.mockReset()
  credentials.create.mockReset()
  const parse = (options: unknown) => {
    parsed.push(options)
    return { parsed: options }
  }
  vi.stubGlobal('PublicKeyCredential', {
    parseRequestOptionsFromJSON: parse,
    parseCreationOptionsFromJSON: parse,
  })
  Object.defineProperty(navigator, 'credentials', { value: credentials, configurable: true })
})
afterEach(() => {
  vi.unstubAllGlobals()
  Reflect.deleteProperty(navigator, 'credentials')
})

/** Logs in through the French login form. */
async function loggedInFrench() {
  server.use(http.post(`${API}/v1/portals/acme-services/login`, () => HttpResponse.json(session(null))))
  const rendered = renderPortal('acme-services', { locale: 'fr' })
  const { view } = rendered
  fireEvent.click(await view.findByRole('button', { name: fr.haveAccount }))
  fireEvent.input(await view.findByLabelText(fr.email), { target: { value: 'ada@example.com' } })
  fireEvent.input(view.getByLabelText(fr.password), { target: { value: 'analytical engine' } })
  fireEvent.click(view.getByRole('button', { name: fr.loginSubmit }))
  await view.findByRole('button', { name: frContact['menu.label'].replace('{name}', 'Ada Lovelace') })
  return rendered
}

/** Serves the portals with these ways of signing in. */
function offering(signInMethods: SignInMethod[]) {
  const closed: PortalConfig = { ...closedPortal, signInMethods }
  const services: PortalConfig = { ...multiPortal, signInMethods }
  server.use(
    http.get(`${API}/v1/portals/${SLUG}`, () => HttpResponse.json(closed)),
    http.get(`${API}/v1/portals/acme-services`, () => HttpResponse.json(services)),
  )
}

/** Answers the sign-in options, and records the bodies the verification gets. */
function serveSignIn(answer: () => Response) {
  const verified: unknown[] = []
  server.use(
    http.post(`${API}/v1/portals/${SLUG}/passkey/options`, () =>
      HttpResponse.json({
        challengeId: 'ch1',
        expiresAt: '2030-01-01T00:00:00.000Z',
        publicKey: requestOptions,
      }),
    ),
    http.post(`${API}/v1/portals/${SLUG}/passkey/verify`, async ({ request }) => {
      verified.push(await request.json())
      return answer()
    }),
  )
  return verified
}

describe('signing in with a passkey', () => {
  it('asks the browser with the API options and signs in with the session of its answer', async () => {
    offering(['password', 'passkey'])
    const verified = serveSignIn(() => HttpResponse.json(session('a1')))
    serveApplications([application('a1', incident)])
    credentials.get.mockResolvedValue(credential(assertion))
    const { view, events } = renderPortal(SLUG)
    const logins: unknown[] = []
    events.on('login', (payload) => logins.push(payload))
    fireEvent.click(await view.findByRole('button', { name: pwlEn.passkey }))
    await view.findByRole('combobox', { name: 'Your applications' })
    expect(parsed).toEqual([requestOptions])
    expect(credentials.get).toHaveBeenCalledWith({ publicKey: { parsed: requestOptions } })
    expect(verified).toEqual([{ challengeId: 'ch1', credential: assertion, locale: 'en' }])
    expect(logins).toEqual([{ contactId: 'c1', email: 'ada@example.com' }])
  })

  it('says calmly that the contact cancelled, and keeps what was typed in the password form', async () => {
    offering(['password', 'passkey'])
    const verified = serveSignIn(() => HttpResponse.json(session('a1')))
    credentials.get.mockImplementation(cancelled)
    const { view } = renderPortal(SLUG)
    const email = (await view.findByLabelText('E-mail')) as HTMLInputElement
    fireEvent.input(email, { target: { value: 'ada@example.com' } })
    fireEvent.click(await view.findByRole('button', { name: pwlEn.passkey }))
    const note = await view.findByText(pwlEn.passkeyCancelled)
    expect(note.getAttribute('role')).toBe('status')
    expect(view.queryAllByRole('alert').map((alert) => alert.textContent)).toEqual(['', ''])
    expect(email.value).toBe('ada@example.com')
    expect(verified).toEqual([])
  })

  it("shows the API's words when it refuses the passkey", async () => {
    offering(['passkey'])
    serveSignIn(() =>
      problem(400, 'Unknown passkey', {
        detail:
          'This passkey is not registered for this portal (it may have been removed): sign in another way.',
      }),
    )
    credentials.get.mockResolvedValue(credential(assertion))
    const { view } = renderPortal(SLUG)
    fireEvent.click(await view.findByRole('button', { name: pwlEn.passkey }))
    const alert = await view.findByText(/This passkey is not registered for this portal/)
    expect(alert.getAttribute('role')).toBe('alert')
    expect(view.getByRole('button', { name: pwlEn.passkey })).toBeTruthy()
  })

  it('speaks French on a French page', async () => {
    offering(['password', 'passkey'])
    serveSignIn(() => HttpResponse.json(session('a1')))
    credentials.get.mockImplementation(cancelled)
    const { view } = renderPortal(SLUG, { locale: 'fr' })
    fireEvent.click(await view.findByRole('button', { name: pwlFr.passkey }))
    expect(await view.findByText(pwlFr.passkeyCancelled)).toBeTruthy()
  })

  it('shows no passkey button where the portal does not offer passkeys', async () => {
    offering(['password', 'code'])
    const { view } = renderPortal(SLUG)
    await view.findByRole('button', { name: pwlEn.codeButton })
    expect(view.queryByRole('button', { name: pwlEn.passkey })).toBeNull()
  })

  it('shows no passkey button in a browser without the WebAuthn JSON helpers', async () => {
    vi.stubGlobal('PublicKeyCredential', undefined)
    offering(['password', 'passkey'])
    const { view } = renderPortal(SLUG)
    await view.findByLabelText('Password')
    // The chunk of the other ways loads, then shows nothing: neither the button nor "Or, without a password".
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(view.queryByRole('button', { name: pwlEn.passkey })).toBeNull()
    expect(view.queryByText(pwlEn.other)).toBeNull()
  })
})

describe('passkeys in the profile', () => {
  const laptop: Passkey = {
    id: 'pk1',
    name: 'Laptop',
    rpId: 'localhost',
    deviceType: 'multiDevice',
    backedUp: true,
    createdAt: '2026-11-02T10:00:00.000Z',
    lastUsedAt: '2026-11-20T10:00:00.000Z',
  }
  const tablet: Passkey = { ...laptop, id: 'pk2', name: 'Tablet', lastUsedAt: null }

  /** Serves the contact's passkeys as a list that adds and deletes change; records added bodies. */
  function servePasskeys(initial: Passkey[], add: () => Response | null = () => null) {
    let items = [...initial]
    const added: unknown[] = []
    server.use(
      http.get(`${API}/v1/me/passkeys`, () => HttpResponse.json({ items })),
      http.post(`${API}/v1/me/passkeys/options`, () =>
        HttpResponse.json({
          challengeId: 'ch2',
          expiresAt: '2030-01-01T00:00:00.000Z',
          publicKey: creationOptions,
        }),
      ),
      http.post(`${API}/v1/me/passkeys`, async ({ request }) => {
        const body = (await request.json()) as { name: string }
        added.push(body)
        const refused = add()
        if (refused) return refused
        const passkey = {
          ...tablet,
          id: 'pk3',
          name: body.name || 'Acme 2',
          createdAt: '2026-12-01T10:00:00.000Z',
        }
        items = [passkey, ...items]
        return HttpResponse.json(passkey, { status: 201 })
      }),
      http.delete(`${API}/v1/me/passkeys/:id`, ({ params }) => {
        items = items.filter((p) => p.id !== params.id)
        return new HttpResponse(null, { status: 204 })
      }),
    )
    return added
  }

  async function openProfile(locale: 'en' | 'fr' = 'en') {
    serveApplications([application('a1', incident)])
    const rendered = locale === 'fr' ? await loggedInFrench() : await loggedIn('acme-services')
    const { view } = rendered
    const words = locale === 'fr' ? frContact : enContact
    fireEvent.click(view.getByRole('button', { name: words['menu.label'].replace('{name}', 'Ada Lovelace') }))
    fireEvent.click(await view.findByRole('button', { name: words['profile.title'] }))
    return rendered
  }

  it('lists the passkeys with when they were added and last used', async () => {
    offering(['password', 'passkey'])
    servePasskeys([laptop, tablet])
    const { view } = await openProfile()
    expect(await view.findByRole('heading', { name: 'Passkeys' })).toBeTruthy()
    expect(await view.findByText('Laptop')).toBeTruthy()
    expect(view.getByText('Added Nov 2, 2026, last used: Nov 20, 2026')).toBeTruthy()
    expect(view.getByText('Added Nov 2, 2026, last used: never')).toBeTruthy()
  })

  it('adds a passkey made by the browser, with its name', async () => {
    offering(['password', 'passkey'])
    const added = servePasskeys([laptop])
    credentials.create.mockResolvedValue(credential(attestation))
    const { view } = await openProfile()
    await view.findByText('Laptop')
    fireEvent.input(view.getByLabelText('Name (optional)'), { target: { value: ' Work tablet ' } })
    fireEvent.click(view.getByRole('button', { name: 'Add a passkey' }))
    expect(await view.findByText('Work tablet')).toBeTruthy()
    expect(parsed).toEqual([creationOptions])
    expect(credentials.create).toHaveBeenCalledWith({ publicKey: { parsed: creationOptions } })
    expect(added).toEqual([{ challengeId: 'ch2', credential: attestation, name: 'Work tablet' }])
    expect((view.getByLabelText('Name (optional)') as HTMLInputElement).value).toBe('')
  })

  it('says calmly that adding was cancelled, keeping the name typed', async () => {
    offering(['password', 'passkey'])
    const added = servePasskeys([])
    credentials.create.mockImplementation(cancelled)
    const { view } = await openProfile()
    fireEvent.input(await view.findByLabelText('Name (optional)'), { target: { value: 'Laptop' } })
    fireEvent.click(view.getByRole('button', { name: 'Add a passkey' }))
    const note = await view.findByText('Adding a passkey was cancelled.')
    expect(note.getAttribute('role')).toBe('status')
    expect((view.getByLabelText('Name (optional)') as HTMLInputElement).value).toBe('Laptop')
    expect(added).toEqual([])
  })

  it("shows the API's words when the passkey is already registered (409)", async () => {
    offering(['password', 'passkey'])
    servePasskeys([], () =>
      problem(409, 'Passkey already added', { detail: 'This passkey is already added to an account.' }),
    )
    credentials.create.mockResolvedValue(credential(attestation))
    const { view } = await openProfile()
    fireEvent.click(await view.findByRole('button', { name: 'Add a passkey' }))
    const alert = await view.findByText('This passkey is already added to an account.')
    expect(alert.getAttribute('role')).toBe('alert')
  })

  it('removes a passkey once the contact confirms, and keeps it when they go back', async () => {
    offering(['password', 'passkey'])
    servePasskeys([laptop, tablet])
    const { view } = await openProfile()
    fireEvent.click(await view.findByRole('button', { name: 'Remove Laptop' }))
    expect(view.getByText('Remove Laptop?')).toBeTruthy()
    fireEvent.click(view.getByRole('button', { name: 'Back' }))
    fireEvent.click(view.getByRole('button', { name: 'Remove Laptop' }))
    fireEvent.click(view.getByRole('button', { name: 'Yes' }))
    await waitFor(() => expect(view.queryByText('Laptop')).toBeNull())
    expect(view.getByText('Tablet')).toBeTruthy()
  })

  it('speaks French, dates included', async () => {
    offering(['password', 'passkey'])
    servePasskeys([laptop])
    const { view } = await openProfile('fr')
    expect(await view.findByRole('heading', { name: 'Clés d’accès' })).toBeTruthy()
    expect(
      await view.findByText('Ajoutée le 2 nov. 2026, dernière utilisation\u202f: 20 nov. 2026', {
        normalizer: (t) => t,
      }),
    ).toBeTruthy()
    expect(view.getByRole('button', { name: 'Supprimer Laptop' })).toBeTruthy()
  })

  it('has no passkeys section where the portal does not offer passkeys', async () => {
    offering(['password'])
    const { view } = await openProfile()
    await view.findByLabelText('Language of e-mails')
    expect(view.queryByRole('heading', { name: 'Passkeys' })).toBeNull()
    expect(view.queryByRole('button', { name: 'Add a passkey' })).toBeNull()
  })
})

describe('the French words of passkeys', () => {
  it('follow French typography (a narrow no-break space before : ; ? !)', () => {
    const words = [
      pwlFr.passkey,
      pwlFr.passkeyCancelled,
      ...Object.entries(frContact).flatMap(([key, text]) => (key.startsWith('passkeys.') ? [text] : [])),
    ]
    expect(words).toHaveLength(10)
    expect(words.filter((text) => /[^\u202f][:;?!]/.test(text))).toEqual([])
    expect(words.some((text) => text.includes('\u202f'))).toBe(true)
  })
})
