import type { Application, ApplicationDetail } from '@portico/schema'
import { fireEvent } from '@testing-library/preact'
import { HttpResponse, http } from 'msw'
import { API, detail, session } from './fixtures.js'
import { renderPortal } from './render.js'
import { server } from './server.js'

/** Serves a contact's applications (most recent first), each one's detail and an empty timeline. */
export function serveApplications(
  items: Application[],
  details: Record<string, Partial<ApplicationDetail>> = {},
) {
  server.use(
    http.get(`${API}/v1/me/applications`, () => HttpResponse.json({ items })),
    ...items.flatMap((item) => [
      http.get(`${API}/v1/me/applications/${item.id}`, () =>
        HttpResponse.json(detail(item, details[item.id])),
      ),
      http.get(`${API}/v1/me/applications/${item.id}/notes`, () => HttpResponse.json({ items: [] })),
    ]),
  )
}

/** Renders a portal and logs in through the login form; resolves once the landing view shows. */
export async function loggedIn(
  portal = 'acme-services',
  options: Parameters<typeof renderPortal>[1] = {},
  landing: string | null = null,
) {
  server.use(http.post(`${API}/v1/portals/${portal}/login`, () => HttpResponse.json(session(landing))))
  const rendered = renderPortal(portal, options)
  const { view } = rendered
  fireEvent.click(await view.findByRole('button', { name: 'Already have an account? Log in' }))
  fireEvent.input(await view.findByLabelText('E-mail'), { target: { value: 'ada@example.com' } })
  fireEvent.input(view.getByLabelText('Password'), { target: { value: 'analytical engine' } })
  fireEvent.click(view.getByRole('button', { name: 'Log in' }))
  await view.findByRole('button', { name: 'Account menu of Ada Lovelace' })
  return rendered
}
