import type { PortalConfig, SignInMethod } from '@portico/schema'
import { act, fireEvent, waitFor } from '@testing-library/preact'
import { HttpResponse, http } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { pwlEn, pwlFr } from '../src/i18n/passwordless.js'
import { RESEND_SECONDS } from '../src/models/passwordless.js'
import { API, application, closedPortal, incident, problem, session } from './fixtures.js'
import { serveApplications } from './login.js'
import { renderPortal } from './render.js'
import { server } from './server.js'

const SLUG = 'acme-members'
const base = `${API}/v1/portals/${SLUG}`

/** Serves a closed portal (login first) that offers these ways of signing in. */
function offering(signInMethods: SignInMethod[]) {
  const config: PortalConfig = { ...closedPortal, slug: SLUG, signInMethods }
  server.use(http.get(base, () => HttpResponse.json(config)))
}

/** Records the bodies POSTed to a path, answering each with `answer`. */
function recording(path: string, answer: () => Response) {
  const bodies: Record<string, unknown>[] = []
  server.use(
    http.post(`${base}${path}`, async ({ request }) => {
      bodies.push((await request.json()) as Record<string, unknown>)
      return answer()
    }),
  )
  return bodies
}

/** Matches text as written, its no-break spaces included (the default matcher turns them into spaces). */
const asWritten = { normalizer: (text: string) => text }

const accepted = () => HttpResponse.json({ ok: true, detail: 'on its way' }, { status: 202 })
const type = (field: HTMLElement, value: string) => fireEvent.input(field, { target: { value } })

afterEach(() => {
  vi.useRealTimers()
  history.replaceState(null, '', '/')
})

describe('the login view offers what the portal chose', () => {
  it('shows the password form and the e-mailed ways below it when all are on', async () => {
    offering(['password', 'code', 'link'])
    const { view } = renderPortal(SLUG)
    await view.findByRole('button', { name: pwlEn.codeButton })
    expect(view.getByRole('button', { name: pwlEn.linkButton })).toBeTruthy()
    expect(view.getByLabelText('Password')).toBeTruthy()
    expect(view.getByText(pwlEn.other)).toBeTruthy()
  })

  it('shows no password form when only the code and the link are on', async () => {
    offering(['code', 'link'])
    const { view } = renderPortal(SLUG)
    await view.findByRole('button', { name: pwlEn.codeButton })
    expect(view.getByRole('heading', { name: 'Log in' })).toBeTruthy()
    expect(view.queryByLabelText('Password')).toBeNull()
    expect(view.queryByRole('button', { name: 'Forgot your password?' })).toBeNull()
    expect(view.queryByText(pwlEn.other)).toBeNull()
  })

  it('offers neither when the portal keeps to passwords', async () => {
    offering(['password'])
    const { view } = renderPortal(SLUG)
    await view.findByLabelText('Password')
    expect(view.queryByRole('button', { name: pwlEn.codeButton })).toBeNull()
    expect(view.queryByRole('button', { name: pwlEn.linkButton })).toBeNull()
  })
})

describe('e-mailed code', () => {
  async function toCodeStep(email = 'ada@example.com') {
    const rendered = renderPortal(SLUG)
    const { view } = rendered
    fireEvent.click(await view.findByRole('button', { name: pwlEn.codeButton }))
    await view.findByRole('heading', { name: pwlEn.codeTitle })
    type(view.getByLabelText('E-mail'), email)
    fireEvent.click(view.getByRole('button', { name: pwlEn.codeSend }))
    await view.findByLabelText(pwlEn.codeLabel)
    return rendered
  }

  it('asks for a code, then signs in with the 6 digits and lands on the latest application', async () => {
    offering(['code'])
    const requests = recording('/sign-in-code', accepted)
    const verifies = recording('/sign-in-code/verify', () => HttpResponse.json(session('a1')))
    serveApplications([application('a1', incident)])
    const { view, events } = await toCodeStep(' Ada@Example.com ')
    const logins: unknown[] = []
    events.on('login', (payload) => logins.push(payload))
    expect(requests).toEqual([{ email: 'ada@example.com', locale: 'en' }])
    expect(view.getByText(pwlEn.codeSent.replace('{email}', 'ada@example.com'))).toBeTruthy()
    type(view.getByLabelText(pwlEn.codeLabel), '123 456')
    fireEvent.click(view.getByRole('button', { name: 'Log in' }))
    await view.findByRole('combobox', { name: 'Your applications' })
    expect(verifies).toEqual([{ email: 'ada@example.com', code: '123456', locale: 'en' }])
    expect(logins).toEqual([{ contactId: 'c1', email: 'ada@example.com' }])
  })

  it('checks the 6 digits before sending, and keeps what was typed', async () => {
    offering(['code'])
    recording('/sign-in-code', accepted)
    const verifies = recording('/sign-in-code/verify', () => HttpResponse.json(session('a1')))
    const { view } = await toCodeStep()
    type(view.getByLabelText(pwlEn.codeLabel), '12345')
    fireEvent.click(view.getByRole('button', { name: 'Log in' }))
    await view.findByText(pwlEn.codeInvalid)
    expect((view.getByLabelText(pwlEn.codeLabel) as HTMLInputElement).value).toBe('12345')
    expect(verifies).toEqual([])
  })

  it("shows the API's words for a wrong code and for too many tries, keeping the code typed", async () => {
    offering(['code'])
    recording('/sign-in-code', accepted)
    let answer = () =>
      problem(400, 'Wrong or expired code', {
        detail:
          'This code is wrong, was already used or has expired: check the e-mail or ask for a new code.',
        errors: [{ field: 'code', message: 'This code is wrong or has expired' }],
      })
    recording('/sign-in-code/verify', () => answer())
    const { view } = await toCodeStep()
    type(view.getByLabelText(pwlEn.codeLabel), '000000')
    fireEvent.click(view.getByRole('button', { name: 'Log in' }))
    await view.findByText(/This code is wrong, was already used or has expired/)
    expect(view.getByText('This code is wrong or has expired')).toBeTruthy()
    expect((view.getByLabelText(pwlEn.codeLabel) as HTMLInputElement).value).toBe('000000')
    answer = () =>
      problem(429, 'Too many attempts', { detail: 'Too many attempts: try again in 4 second(s).' })
    fireEvent.click(view.getByRole('button', { name: 'Log in' }))
    await view.findByText('Too many attempts: try again in 4 second(s).')
    expect((view.getByLabelText(pwlEn.codeLabel) as HTMLInputElement).value).toBe('000000')
  })

  it('lets a new code be asked for once the throttle allows, showing the wait', async () => {
    offering(['code'])
    // Only the countdown's interval is faked: requests and rendering keep real timers.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const requests = recording('/sign-in-code', accepted)
    const { view } = await toCodeStep()
    const again = view.getByRole('button', { name: pwlEn.codeAgain }) as HTMLButtonElement
    expect(again.disabled).toBe(true)
    expect(view.getByText(`You can ask for a new one in ${RESEND_SECONDS}\u00a0s.`, asWritten)).toBeTruthy()
    act(() => {
      vi.advanceTimersByTime(10_000)
    })
    expect(
      view.getByText(`You can ask for a new one in ${RESEND_SECONDS - 10}\u00a0s.`, asWritten),
    ).toBeTruthy()
    act(() => {
      vi.advanceTimersByTime((RESEND_SECONDS - 10) * 1000)
    })
    expect(again.disabled).toBe(false)
    expect(view.queryByText(/You can ask for a new one/)).toBeNull()
    // Testing Library's waitFor polls with setInterval: real timers again before waiting.
    vi.useRealTimers()
    fireEvent.click(again)
    await waitFor(() => expect(requests).toHaveLength(2))
    await waitFor(() => expect(again.disabled).toBe(true))
    // Still on the code step: the contact types the newest code where they were.
    expect(view.getByLabelText(pwlEn.codeLabel)).toBeTruthy()
  })

  it("shows a throttled request's message and keeps the e-mail typed", async () => {
    offering(['code'])
    recording('/sign-in-code', () =>
      problem(429, 'Too many attempts', { detail: 'Too many attempts: try again in 12 minute(s).' }),
    )
    const { view } = renderPortal(SLUG)
    fireEvent.click(await view.findByRole('button', { name: pwlEn.codeButton }))
    type(await view.findByLabelText('E-mail'), 'ada@example.com')
    fireEvent.click(view.getByRole('button', { name: pwlEn.codeSend }))
    await view.findByText('Too many attempts: try again in 12 minute(s).')
    expect((view.getByLabelText('E-mail') as HTMLInputElement).value).toBe('ada@example.com')
  })

  it('speaks French and asks the API for French messages', async () => {
    offering(['code'])
    const requests = recording('/sign-in-code', accepted)
    const verifies = recording('/sign-in-code/verify', () =>
      problem(400, 'Code incorrect ou expiré', {
        detail: 'Ce code est incorrect, a déjà servi ou a expiré.',
      }),
    )
    const { view } = renderPortal(SLUG, { locale: 'fr' })
    fireEvent.click(await view.findByRole('button', { name: pwlFr.codeButton }))
    type(await view.findByLabelText('E-mail'), 'ada@example.com')
    fireEvent.click(view.getByRole('button', { name: pwlFr.codeSend }))
    type(await view.findByLabelText(pwlFr.codeLabel), '654321')
    expect(view.getByText('Vous pourrez en demander un nouveau dans 30\u202fs.', asWritten)).toBeTruthy()
    fireEvent.click(view.getByRole('button', { name: 'Se connecter' }))
    await view.findByText('Ce code est incorrect, a déjà servi ou a expiré.')
    expect(requests).toEqual([{ email: 'ada@example.com', locale: 'fr' }])
    expect(verifies).toEqual([{ email: 'ada@example.com', code: '654321', locale: 'fr' }])
  })
})

describe('e-mailed link', () => {
  it('asks for a link and says where it went', async () => {
    offering(['password', 'link'])
    const requests = recording('/sign-in-link', accepted)
    const { view } = renderPortal(SLUG)
    type(await view.findByLabelText('E-mail'), 'ada@example.com')
    fireEvent.click(await view.findByRole('button', { name: pwlEn.linkButton }))
    // The e-mail typed in the login form comes along.
    const email = (await view.findByLabelText('E-mail')) as HTMLInputElement
    await view.findByRole('heading', { name: pwlEn.linkTitle })
    expect(email.value).toBe('ada@example.com')
    fireEvent.click(view.getByRole('button', { name: pwlEn.linkSend }))
    await view.findByText(pwlEn.linkSent.replace('{email}', 'ada@example.com'))
    expect(requests).toEqual([{ email: 'ada@example.com', locale: 'en' }])
    expect((view.getByRole('button', { name: pwlEn.linkAgain }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('reads the token from the fragment, removes it at once, and uses it only on the click', async () => {
    offering(['link'])
    history.replaceState(null, '', `/portal?x=1#portico-link=pl_secret&portal=${SLUG}`)
    const peeks = recording('/sign-in-link/peek', () =>
      HttpResponse.json({ email: 'a•••@example.com', name: 'Ada L.', expiresAt: '2030-01-01T00:00:00.000Z' }),
    )
    const redeems = recording('/sign-in-link/redeem', () => HttpResponse.json(session('a1')))
    serveApplications([application('a1', incident)])
    const { view } = renderPortal(SLUG)
    // Gone from the address bar before the portal has even loaded.
    expect(location.href).toBe(`${location.origin}/portal?x=1`)
    const button = await view.findByRole('button', { name: 'Continue as Ada L.' })
    expect(view.getByText('This link signs you in as Ada L. (a•••@example.com).')).toBeTruthy()
    expect(peeks).toEqual([{ token: 'pl_secret', locale: 'en' }])
    expect(redeems).toEqual([])
    fireEvent.click(button)
    await view.findByRole('combobox', { name: 'Your applications' })
    expect(redeems).toEqual([{ token: 'pl_secret', locale: 'en' }])
  })

  it('leaves a link for another portal of the page alone', async () => {
    offering(['link'])
    history.replaceState(null, '', '/portal#portico-link=pl_other&portal=someone-else')
    const { view } = renderPortal(SLUG)
    await view.findByRole('button', { name: pwlEn.linkButton })
    expect(location.hash).toBe('#portico-link=pl_other&portal=someone-else')
  })

  it('says a used or expired link is dead and offers a new one', async () => {
    offering(['link'])
    history.replaceState(null, '', `/#portico-link=pl_used&portal=${SLUG}`)
    recording('/sign-in-link/peek', () =>
      problem(400, 'Invalid or expired link', {
        detail: 'This link was already used or has expired: ask for a new one.',
      }),
    )
    const requests = recording('/sign-in-link', accepted)
    const { view } = renderPortal(SLUG)
    await view.findByText('This link was already used or has expired: ask for a new one.')
    expect(view.queryByRole('button', { name: /Continue as/ })).toBeNull()
    fireEvent.click(view.getByRole('button', { name: pwlEn.newLink }))
    type(await view.findByLabelText('E-mail'), 'ada@example.com')
    fireEvent.click(view.getByRole('button', { name: pwlEn.linkSend }))
    await view.findByText(pwlEn.linkSent.replace('{email}', 'ada@example.com'))
    expect(requests).toEqual([{ email: 'ada@example.com', locale: 'en' }])
  })

  it('refuses a link used up between the peek and the click, and offers a new one', async () => {
    offering(['link'])
    history.replaceState(null, '', `/#portico-link=pl_raced&portal=${SLUG}`)
    recording('/sign-in-link/peek', () =>
      HttpResponse.json({ email: 'a•••@example.com', name: 'Ada L.', expiresAt: '2030-01-01T00:00:00.000Z' }),
    )
    recording('/sign-in-link/redeem', () =>
      problem(400, 'Lien invalide ou expiré', { detail: 'Ce lien a déjà servi ou a expiré.' }),
    )
    const { view } = renderPortal(SLUG, { locale: 'fr' })
    fireEvent.click(await view.findByRole('button', { name: 'Continuer en tant que Ada L.' }))
    await view.findByText('Ce lien a déjà servi ou a expiré.')
    expect(view.getByRole('button', { name: pwlFr.newLink })).toBeTruthy()
    expect(view.queryByRole('button', { name: /Continuer en tant que/ })).toBeNull()
  })

  it('offers to try again when the API cannot be reached, keeping the link', async () => {
    offering(['link'])
    history.replaceState(null, '', `/#portico-link=pl_later&portal=${SLUG}`)
    let down = true
    const peeks = recording('/sign-in-link/peek', () =>
      down
        ? HttpResponse.error()
        : HttpResponse.json({
            email: 'a•••@example.com',
            name: 'Ada L.',
            expiresAt: '2030-01-01T00:00:00.000Z',
          }),
    )
    const { view } = renderPortal(SLUG)
    await view.findByRole('button', { name: 'Try again' })
    expect(view.queryByRole('button', { name: pwlEn.newLink })).toBeNull()
    down = false
    fireEvent.click(view.getByRole('button', { name: 'Try again' }))
    await view.findByRole('button', { name: 'Continue as Ada L.' })
    expect(peeks.map((p) => p.token)).toEqual(['pl_later', 'pl_later'])
  })
})
