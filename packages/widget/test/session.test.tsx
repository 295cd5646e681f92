import { http } from 'msw'
import { describe, expect, it } from 'vitest'
import { API, application, incident, problem } from './fixtures.js'
import { loggedIn, serveApplications } from './login.js'
import { renderPortal } from './render.js'
import { server } from './server.js'

describe('token storage', () => {
  it('keeps the session across a reload with tokenStorage "local"', async () => {
    serveApplications([application('a1', incident)])
    await loggedIn('acme-services', { tokenStorage: 'local' })
    const again = renderPortal('acme-services', { tokenStorage: 'local' })
    expect(await again.view.findByRole('heading', { name: 'Report an incident' })).toBeTruthy()
    expect(again.view.getByRole('button', { name: 'Account menu of Ada Lovelace' })).toBeTruthy()
  })

  it('forgets the session on reload by default (memory), and never writes the token to storage', async () => {
    serveApplications([application('a1', incident)])
    await loggedIn('acme-services')
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain('pt_test')
    const again = renderPortal('acme-services')
    expect(await again.view.findByRole('heading', { name: 'What would you like to do?' })).toBeTruthy()
  })

  it('starts as a visitor when a stored session was revoked on the server', async () => {
    serveApplications([application('a1', incident)])
    await loggedIn('acme-services', { tokenStorage: 'local' })
    server.use(
      http.get(`${API}/v1/me`, () => problem(401, 'Session expired')),
      http.get(`${API}/v1/me/applications`, () => problem(401, 'Session expired')),
    )
    const again = renderPortal('acme-services', { tokenStorage: 'local' })
    expect(await again.view.findByRole('heading', { name: 'What would you like to do?' })).toBeTruthy()
    expect(localStorage.length).toBe(0)
  })
})
