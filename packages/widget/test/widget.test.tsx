import { fireEvent, within } from '@testing-library/preact'
import { HttpResponse, http } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { mount, type PorticoHandle } from '../src/index.js'
import { API, application, multiPortal, problem, server, session, singlePortal } from './server.js'

let handle: PorticoHandle | undefined
afterEach(() => {
  handle?.destroy()
  handle = undefined
})

function open(portal: string, locale = 'en') {
  const target = document.createElement('div')
  document.body.append(target)
  handle = mount(target, { portal, api: API, locale })
  // Testing Library queries any node with querySelectorAll, the shadow root included.
  return within(handle.shadowRoot as unknown as HTMLElement)
}

function type(field: HTMLElement, value: string) {
  fireEvent.input(field, { target: { value } })
}

describe('mount', () => {
  it('renders inside an open shadow root and removes everything on destroy', async () => {
    const view = open('acme-services')
    expect(await view.findByRole('heading', { name: 'Acme client services' })).toBeTruthy()
    expect(document.querySelector('portico-root')?.shadowRoot).toBe(handle?.shadowRoot)
    handle?.destroy()
    handle = undefined
    expect(document.querySelector('portico-root')).toBeNull()
  })

  it('says what is missing when mounted without a portal', () => {
    expect(() => mount(document.body, { portal: '', api: API })).toThrow(
      '[portico] mount() needs options.portal',
    )
  })
})

describe('process picker → register → applications', () => {
  it('registers for the picked process and lands on the new application', async () => {
    let sent: unknown
    server.use(
      http.post(`${API}/v1/portals/acme-services/register`, async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(session('a1'), { status: 201 })
      }),
      http.get(`${API}/v1/me/applications`, ({ request }) =>
        request.headers.get('authorization') === 'Bearer pt_test'
          ? HttpResponse.json({ items: [application('a1', multiPortal.processes[1]!)] })
          : problem(401, 'Authentication required'),
      ),
    )
    const view = open('acme-services')
    fireEvent.click(await view.findByRole('button', { name: 'Report an incident' }))
    expect(await view.findByRole('heading', { name: 'Create your account' })).toBeTruthy()
    type(view.getByLabelText('Full name'), 'Ada Lovelace')
    type(view.getByLabelText('E-mail'), 'ada@example.com')
    type(view.getByLabelText('Password'), 'analytical engine')
    fireEvent.click(view.getByRole('button', { name: 'Create account and start' }))
    expect(await view.findByRole('heading', { name: 'Your applications' })).toBeTruthy()
    expect(view.getByText('Report an incident')).toBeTruthy()
    expect(view.getByText('Submitted')).toBeTruthy()
    expect(sent).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      password: 'analytical engine',
      process: 'incident',
    })
  })

  it('skips the picker on a single-process portal', async () => {
    const view = open('acme-onboarding')
    expect(await view.findByRole('heading', { name: 'Create your account' })).toBeTruthy()
    expect(view.getByText(singlePortal.processes[0]!.name)).toBeTruthy()
  })

  it('shows the field message of a 400 next to its field and keeps what the user typed', async () => {
    server.use(
      http.post(`${API}/v1/portals/acme-onboarding/register`, () =>
        problem(400, 'Invalid request body', {
          errors: [{ field: 'email', message: 'This e-mail domain is not accepted' }],
        }),
      ),
    )
    const view = open('acme-onboarding')
    type(await view.findByLabelText('Full name'), 'Ada Lovelace')
    type(view.getByLabelText('E-mail'), 'ada@blocked.example')
    type(view.getByLabelText('Password'), 'analytical engine')
    fireEvent.click(view.getByRole('button', { name: 'Create account and start' }))
    expect(await view.findByText('This e-mail domain is not accepted')).toBeTruthy()
    const email = view.getByLabelText('E-mail') as HTMLInputElement
    expect(email.getAttribute('aria-invalid')).toBe('true')
    expect(email.value).toBe('ada@blocked.example')
    expect((view.getByLabelText('Full name') as HTMLInputElement).value).toBe('Ada Lovelace')
    expect((view.getByLabelText('Password') as HTMLInputElement).value).toBe('analytical engine')
  })

  it('validates on the client before sending anything', async () => {
    let calls = 0
    server.use(
      http.post(`${API}/v1/portals/acme-onboarding/register`, () => {
        calls++
        return HttpResponse.json(session('a1'), { status: 201 })
      }),
    )
    const view = open('acme-onboarding')
    type(await view.findByLabelText('E-mail'), 'not-an-email')
    fireEvent.click(view.getByRole('button', { name: 'Create account and start' }))
    expect(await view.findByText('Enter a valid e-mail address')).toBeTruthy()
    expect(view.getByText('Please correct the highlighted fields.')).toBeTruthy()
    expect(calls).toBe(0)
  })
})

describe('login', () => {
  it('shows the API message on a wrong password and keeps the e-mail', async () => {
    server.use(
      http.post(`${API}/v1/portals/acme-services/login`, () =>
        problem(401, 'Wrong e-mail or password', { detail: 'Check your e-mail and password and try again.' }),
      ),
    )
    const view = open('acme-services')
    fireEvent.click(await view.findByRole('button', { name: 'Already have an account? Log in' }))
    type(await view.findByLabelText('E-mail'), 'ada@example.com')
    type(view.getByLabelText('Password'), 'wrong password')
    fireEvent.click(view.getByRole('button', { name: 'Log in' }))
    expect(await view.findByText('Check your e-mail and password and try again.')).toBeTruthy()
    expect((view.getByLabelText('E-mail') as HTMLInputElement).value).toBe('ada@example.com')
  })
})

describe('loading the portal', () => {
  it('offers to try again when the API cannot be reached, then recovers', async () => {
    let fail = true
    server.use(
      http.get(`${API}/v1/portals/acme-services`, () =>
        fail ? HttpResponse.error() : HttpResponse.json(multiPortal),
      ),
    )
    const view = open('acme-services')
    const retry = await view.findByRole('button', { name: 'Try again' })
    expect(view.getByText('We could not reach the server. Check your connection and try again.')).toBeTruthy()
    fail = false
    fireEvent.click(retry)
    expect(await view.findByRole('heading', { name: 'What would you like to do?' })).toBeTruthy()
  })

  it('speaks French when asked to', async () => {
    const view = open('acme-services', 'fr')
    expect(await view.findByRole('heading', { name: 'Que souhaitez-vous faire ?' })).toBeTruthy()
  })
})
