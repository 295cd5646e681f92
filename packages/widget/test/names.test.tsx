import { APPLICATION_STATUSES, STATUS_WORDS } from '@portico/schema'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { enContact } from '../src/i18n/contact-en.js'
import { frContact } from '../src/i18n/contact-fr.js'
import { fr } from '../src/i18n/fr.js'
import { API, application, incident, kyc, session } from './fixtures.js'
import { serveApplications } from './login.js'
import { renderPortal } from './render.js'
import { server } from './server.js'

/** Logs in through the French login form. */
async function loggedInFrench(portal = 'acme-services') {
  server.use(http.post(`${API}/v1/portals/${portal}/login`, () => HttpResponse.json(session(null))))
  const rendered = renderPortal(portal, { locale: 'fr' })
  const { view } = rendered
  fireEvent.click(await view.findByRole('button', { name: fr.haveAccount }))
  fireEvent.input(await view.findByLabelText(fr.email), { target: { value: 'ada@example.com' } })
  fireEvent.input(view.getByLabelText(fr.password), { target: { value: 'analytical engine' } })
  fireEvent.click(view.getByRole('button', { name: fr.loginSubmit }))
  await view.findByRole('button', { name: frContact['menu.label'].replace('{name}', 'Ada Lovelace') })
  return rendered
}

describe('process and portal names in the widget’s language', () => {
  it('shows the portal title and the picker in French', async () => {
    const { view } = renderPortal('acme-services', { locale: 'fr' })
    expect(await view.findByRole('heading', { name: 'Acme, services clients' })).toBeTruthy()
    expect(view.getByRole('button', { name: 'Vérifier votre identité' })).toBeTruthy()
    expect(view.getByRole('button', { name: 'Signaler un incident' })).toBeTruthy()
    expect(view.queryByText('Verify your identity')).toBeNull()
  })

  it('shows the English names to an English reader', async () => {
    const { view } = renderPortal('acme-services')
    expect(await view.findByRole('heading', { name: 'Acme client services' })).toBeTruthy()
    expect(view.getByRole('button', { name: 'Verify your identity' })).toBeTruthy()
  })

  it('shows the English name the API filled in where staff left the French one empty', async () => {
    const { view } = renderPortal('acme-closed', { locale: 'fr' })
    expect(await view.findByRole('heading', { name: 'Acme members' })).toBeTruthy()
  })

  it('names processes and statuses in French in the dashboard, the switcher and the application', async () => {
    const a1 = application('a1', kyc)
    const a2 = { ...application('a2', incident, '2026-11-25T10:00:00.000Z'), status: 'in_review' as const }
    serveApplications([a2, a1])
    const { view } = await loggedInFrench()
    fireEvent.click(await view.findByRole('button', { name: frContact['nav.applications'] }))
    const list = await view.findByRole('list')
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2))
    expect(within(list).getByText('Vérifier votre identité')).toBeTruthy()
    expect(within(list).getByText('Signaler un incident')).toBeTruthy()
    // The same word as the status mails: both come from the schema's catalogue.
    expect(within(list).getByText('Envoyée')).toBeTruthy()
    expect(within(list).getByText('En cours d’examen')).toBeTruthy()
    const switcher = view.getByRole('combobox', { name: frContact['switcher.label'] }) as HTMLSelectElement
    const options = [...switcher.options].map((o) => o.textContent)
    expect(options.some((o) => o?.startsWith('Signaler un incident — En cours d’examen'))).toBe(true)
    fireEvent.click(view.getByRole('button', { name: 'Ouvrir Vérifier votre identité' }))
    expect(await view.findByRole('heading', { name: 'Vérifier votre identité' })).toBeTruthy()
  })
})

describe('status words', () => {
  it('are the schema catalogue’s, the words the status mails use, in each language', () => {
    for (const status of APPLICATION_STATUSES) {
      expect(enContact[`status.${status}`]).toBe(STATUS_WORDS.en[status])
      expect(frContact[`status.${status}`]).toBe(STATUS_WORDS.fr[status])
    }
  })
})
