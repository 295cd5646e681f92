import { AxeBuilder } from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en, fr } from '../../src/i18n/catalogues.js'
import { startConsole } from './fixture.js'

let fixture: Awaited<ReturnType<typeof startConsole>>

beforeAll(async () => {
  fixture = await startConsole()
})
afterAll(async () => {
  await fixture?.close()
})

async function axe(target: Page) {
  const { violations } = await new AxeBuilder({ page: target }).analyze()
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** The contact's side, as the widget calls the API: a JSON request with the contact's session. */
async function asContact<T>(
  path: string,
  token: string | null,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['idempotency-key'] = crypto.randomUUID()
  const response = await fetch(`${fixture.api.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: response.status, body: (await response.json()) as T }
}

/** The demo seed's agent, whose saved language is French (packages/api/src/seed.ts DEMO_AGENT_LOGIN). */
const AGENT = { email: 'agent@acme.test', password: 'portico-agent-demo' }

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/**
 * The English texts of the console that French says otherwise, each as a pattern for a whole text
 * on screen (`{name}` stands for anything); texts both languages share ("Contact", "E-mail") are left out.
 */
const ENGLISH = Object.entries(en)
  .filter(([key, text]) => text !== fr[key as keyof typeof fr])
  .map(([key, text]) => ({
    key,
    text,
    pattern: new RegExp(
      `^${text
        .split(/\{\w+\}/)
        .map(literal)
        .join('.+')}$`,
      'u',
    ),
  }))

/** Every word French uses, so a one-word English text that is also French ("Date", "Type") is not flagged. */
const FRENCH_WORDS = new Set(Object.values(fr).flatMap((text) => text.split(/[^\p{L}]+/u)))
/** One-word English texts ("staff", "Nobody") also flagged inside a longer text ("staff 1a2b3c4d"). */
const ENGLISH_WORDS = ENGLISH.filter((e) => /^\p{L}{4,}$/u.test(e.text) && !FRENCH_WORDS.has(e.text)).map(
  (e) => ({ key: e.key, text: e.text, pattern: new RegExp(`(^|[^\\p{L}])${e.text}([^\\p{L}]|$)`, 'u') }),
)

/** The English texts left on the page: every text node, label and accessible name compared whole. */
async function englishOn(target: Page): Promise<string[]> {
  const texts = await target.evaluate(() => {
    const found: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    // What people wrote (notes, status messages) is theirs, in whatever language they wrote it.
    const written = 'blockquote, li.staff > p, li.contact > p, li.internal > p'
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (!node.parentElement?.closest(written)) found.push(node.textContent ?? '')
    for (const el of document.querySelectorAll('[aria-label],[placeholder],[title]'))
      for (const name of ['aria-label', 'placeholder', 'title']) found.push(el.getAttribute(name) ?? '')
    return found.map((text) => text.trim()).filter(Boolean)
  })
  return [
    ...new Set(
      texts.flatMap((text) =>
        [...ENGLISH, ...ENGLISH_WORDS]
          .filter((e) => e.pattern.test(text))
          .map((e) => `${e.key}: ${JSON.stringify(text)}`),
      ),
    ),
  ]
}

type Note = { author: { type: string; name: string }; body: string }
type Detail = { status: string; tags: string[]; history: { status: string; message: string | null }[] }

describe('a staff user’s day in the console, start to end', () => {
  let context: BrowserContext

  afterAll(async () => {
    await context?.close()
  })

  it('builds a process and a portal, invites a contact, answers their application and shares a contract (English, 1280 px)', async () => {
    // axe needs a page of a regular (non-persistent) context.
    context = await fixture.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(fixture.consoleUrl)
    await page.getByLabel('E-mail').fill(fixture.seed.staffLogin.email)
    await page.getByLabel('Password').fill(fixture.seed.staffLogin.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: 'Inbox' }).waitFor()

    // 1. Processes: a new process, its form built field by field, saved, listed.
    await page.getByRole('link', { name: 'Processes' }).click()
    const newProcess = page.getByRole('form', { name: 'New process' })
    await newProcess.getByLabel('Name in English').fill('Equipment loan')
    await newProcess.getByLabel('Name in French').fill('Prêt de matériel')
    await newProcess.getByRole('button', { name: 'Create and build the form' }).click()
    await page.getByRole('heading', { level: 1, name: 'Equipment loan' }).waitFor()
    const fields = page.locator('fieldset.builder-field')
    await page.getByLabel('New field type').selectOption('text')
    await page.getByRole('button', { name: 'Add the field' }).click()
    await fields.nth(0).getByLabel('Label (English)').fill('Serial number')
    await fields.nth(0).getByLabel('Label (French)').fill('Numéro de série')
    expect(await fields.nth(0).getByLabel('Field name').inputValue()).toBe('serialNumber')
    await page.getByLabel('New field type').selectOption('select')
    await page.getByRole('button', { name: 'Add the field' }).click()
    const site = fields.nth(1)
    await site.getByLabel('Label (English)').fill('Delivery site')
    await site.getByLabel('Label (French)').fill('Site de livraison')
    await site.getByLabel('Required').check()
    for (const [n, value, english, french] of [
      [1, 'head', 'Head office', 'Siège'],
      [2, 'branch', 'Branch', 'Agence'],
    ] as const) {
      await site.getByRole('button', { name: 'Add an option' }).click()
      await site.getByLabel(`Option ${n} (English)`).fill(english)
      await site.getByLabel(`Option ${n} (French)`).fill(french)
      await site.getByLabel(`Option ${n} value`).fill(value)
    }
    // The live preview shows the form as contacts will see it, in French too.
    const preview = page.getByRole('region', { name: 'Live preview' })
    await preview.getByLabel('Preview language').selectOption('fr')
    await preview.getByText('Site de livraison').waitFor()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    await page.getByRole('link', { name: '← Processes' }).click()
    const listed = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Equipment loan' }) })
    await expect.poll(() => listed.innerText()).toContain('2 fields')

    // 2. Portals: a new portal offering it once per contact, with a tag; then its embed code.
    await page.getByRole('link', { name: 'Portals' }).click()
    await page.getByRole('link', { name: 'New portal' }).click()
    await page.getByLabel('Name in English', { exact: true }).fill('Equipment desk')
    await page.getByLabel('Name in French', { exact: true }).fill('Service matériel')
    await page.getByLabel('Slug').fill('equipment-desk')
    await page.getByLabel('Equipment loan', { exact: true }).check()
    await page.getByLabel('Forbid a second application of Equipment loan').check()
    await page.getByLabel('Tags', { exact: true }).fill('equipment')
    await page.getByLabel('Profile of contacts who register').selectOption({ label: 'Client' })
    await page.getByRole('button', { name: 'Create the portal' }).click()
    // Created: the console opens its "Link and code" tab.
    await page.getByRole('link', { name: 'Link and code', exact: true }).waitFor()
    expect(await page.getByRole('link', { name: 'Link and code' }).getAttribute('aria-current')).toBe('page')
    const script = page.getByRole('region', { name: 'Script tag' }).locator('code')
    expect(await script.innerText()).toBe(
      `<script src="${fixture.api.url}/portico/portico.js" data-portal="equipment-desk" data-api="${fixture.api.url}" async></script>`,
    )
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Portals' }).click()
    const portalRow = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Equipment desk' }) })
    await expect.poll(() => portalRow.innerText()).toMatch(/Equipment loan[\s\S]*equipment/)

    // 3. Contacts and companies: a company, a contact in it, login enabled with a profile.
    await page.getByRole('link', { name: 'Contacts and companies' }).click()
    const newCompany = page.getByRole('region', { name: 'New company' })
    await newCompany.getByLabel('Name').fill('Initech SA')
    await newCompany.getByLabel('Address').fill('4 Office Park')
    await newCompany.getByRole('button', { name: 'Create the company' }).click()
    await page.getByRole('heading', { level: 1, name: 'Initech SA' }).waitFor()
    const email = 'peter@initech.test'
    const newContact = page.getByRole('region', { name: 'New contact' })
    await newContact.getByLabel('Name').fill('Peter Gibbons')
    await newContact.getByLabel('E-mail').fill(email)
    await newContact.getByRole('button', { name: 'Create the contact' }).click()
    // Created: listed among the company's contacts, whose link opens the contact.
    await page.getByRole('link', { name: 'Peter Gibbons' }).click()
    await page.getByRole('heading', { level: 1, name: 'Peter Gibbons' }).waitFor()
    const details = page.getByRole('region', { name: 'Details' })
    expect(await details.getByLabel('Company').locator('option:checked').innerText()).toBe('Initech SA')
    await details.getByLabel('Profile').selectOption({ label: 'Client' })
    await details.getByRole('button', { name: 'Save' }).click()
    await details.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    const login = page.getByRole('region', { name: 'Portal login' })
    await login.getByLabel('Portal the invitation opens').selectOption({ label: 'Equipment desk' })
    await login.getByRole('button', { name: 'Enable login and send the invitation' }).click()
    await login
      .getByRole('status')
      .filter({ hasText: /^Invitation sent through Equipment desk/ })
      .waitFor()
    const invitation = await fixture.mailTo(email, /invited you/)
    expect(invitation.text).toContain('Equipment desk')
    const token = invitation.text.match(/portico-invitation=([\w-]+)&portal=equipment-desk/)?.[1]
    expect(token).toBeTruthy()

    // 4. The contact accepts the invitation and applies, as the widget would.
    const accepted = await asContact<{ token: string }>(
      '/v1/portals/equipment-desk/accept-invitation',
      null,
      {
        token,
        password: 'peter-password-1',
      },
    )
    expect(accepted.status).toBe(200)
    const session = accepted.body.token
    const created = await asContact<{ id: string; tags: string[] }>('/v1/me/applications', session, {
      process: 'equipment-loan',
      data: { serialNumber: 'SN-4242', deliverySite: 'branch' },
    })
    expect(created.status).toBe(201)
    expect(created.body.tags).toContain('equipment')
    const second = await asContact('/v1/me/applications', session, {
      process: 'equipment-loan',
      data: { serialNumber: 'SN-4243', deliverySite: 'head' },
    })
    expect(second.status).toBe(409)
    const applicationId = created.body.id
    const notes = async () =>
      (await asContact<{ items: Note[] }>(`/v1/me/applications/${applicationId}/notes`, session)).body.items

    // 5. Inbox: the application is there; reply, note internally, change the status with a message.
    await page.getByRole('link', { name: 'Inbox' }).click()
    const row = page.locator('tbody tr').filter({ hasText: 'Peter Gibbons' })
    await expect.poll(() => row.innerText()).toContain('Equipment loan')
    expect(await row.innerText()).toContain('Initech SA')
    await row.getByRole('link').first().click()
    await page.getByRole('heading', { level: 1, name: /^Equipment loan · / }).waitFor()
    const answers = page.getByRole('region', { name: 'Answers' })
    await expect.poll(() => answers.innerText()).toContain('SN-4242')
    expect(await answers.innerText()).toContain('Branch')

    const thread = page.getByRole('region', { name: 'Messages with the contact' })
    await thread.getByLabel('Reply to the contact').fill('We have a laptop for you at the branch.')
    await thread.getByRole('button', { name: 'Send the reply' }).click()
    await thread.getByText('We have a laptop for you at the branch.').waitFor()
    expect(await thread.getByLabel('Reply to the contact').inputValue()).toBe('')
    await expect.poll(notes).toContainEqual(
      expect.objectContaining({
        author: { type: 'staff', name: 'Olivia Owner' },
        body: 'We have a laptop for you at the branch.',
      }),
    )

    const internal = page.getByRole('region', { name: 'Internal notes' })
    await internal.getByLabel('Internal note').fill('Check the asset register before handing it over.')
    await internal.getByRole('button', { name: 'Add the internal note' }).click()
    await internal.getByText('Check the asset register before handing it over.').waitFor()
    expect((await notes()).map((n) => n.body)).not.toContain(
      'Check the asset register before handing it over.',
    )

    const status = page.getByRole('region', { name: 'Status', exact: true })
    await status.getByLabel('New status').selectOption({ label: 'Approved' })
    await status.getByLabel('Message to the contact (optional)').fill('Approved: pick it up on Monday.')
    await status.getByRole('button', { name: 'Change the status' }).click()
    await page.getByRole('region', { name: 'Summary' }).getByText('Approved', { exact: true }).waitFor()
    await page
      .getByRole('region', { name: 'Status history' })
      .getByText('Approved: pick it up on Monday.')
      .waitFor()
    const read = await asContact<Detail>(`/v1/me/applications/${applicationId}`, session)
    expect(read.body.status).toBe('approved')
    expect(read.body.history.at(-1)).toMatchObject({
      status: 'approved',
      message: 'Approved: pick it up on Monday.',
    })
    expect(await axe(page)).toEqual([])

    // 6. Contracts: shared with the contact as requester, attachments visible, a file attached.
    await page.getByRole('link', { name: 'Contracts' }).click()
    const share = page.getByRole('form', { name: 'Share a contract' })
    await share.getByLabel('Title').fill('Equipment loan agreement')
    await share.getByLabel('Reference').fill('ELA-2026-7')
    await share.getByLabel('Requester').selectOption({ label: `Peter Gibbons <${email}>` })
    expect(await share.getByLabel('Attachments visible to the contacts').isChecked()).toBe(true)
    await share.getByRole('button', { name: 'Share and e-mail' }).click()
    await page.getByRole('heading', { level: 1, name: 'Equipment loan agreement' }).waitFor()
    await page.getByLabel('Attach a file').setInputFiles({
      name: 'agreement.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    })
    await page.getByRole('region', { name: 'Files' }).getByText('agreement.pdf').waitFor()
    const shared = await fixture.mailTo(email, /Equipment loan agreement/)
    expect(shared.subject).toBe('Contract shared with you: Equipment loan agreement')
    const contracts = await asContact<{ items: { title: string; attachments: { filename: string }[] }[] }>(
      '/v1/me/contracts',
      session,
    )
    expect(contracts.body.items).toContainEqual(
      expect.objectContaining({
        title: 'Equipment loan agreement',
        attachments: [expect.objectContaining({ filename: 'agreement.pdf' })],
      }),
    )
    expect(await axe(page)).toEqual([])
  }, 170_000)

  it('lets the agent answer in French at 768 px, with no English left on the inbox and the application', async () => {
    const french = await fixture.browser.newContext({
      locale: 'en-US',
      viewport: { width: 768, height: 1000 },
    })
    try {
      const page = await french.newPage()
      await page.goto(fixture.consoleUrl)
      await page.getByLabel(en['signIn.email']).fill(AGENT.email)
      await page.getByLabel(en['signIn.password']).fill(AGENT.password)
      await page.getByRole('button', { name: en['signIn.submit'] }).click()
      // The agent's saved language; switched from the user menu to English and back to French.
      await page.getByRole('heading', { name: fr['inbox.title'] }).waitFor()
      await page.getByLabel(fr['user.language']).selectOption('en')
      await page.getByRole('heading', { name: en['inbox.title'] }).waitFor()
      // The check below sees English when there is some.
      expect(await englishOn(page)).toContain('nav.inbox: "Inbox"')
      await page.getByLabel(en['user.language']).selectOption('fr')
      await page.getByRole('heading', { name: fr['inbox.title'] }).waitFor()

      const row = page.locator('tbody tr').filter({ hasText: 'Peter Gibbons' })
      await expect.poll(() => row.innerText()).toContain('Prêt de matériel')
      expect(await englishOn(page)).toEqual([])

      await row.getByRole('link').first().click()
      await page.getByRole('heading', { level: 1, name: /^Prêt de matériel · / }).waitFor()
      const answers = page.getByRole('region', { name: fr['application.answers'] })
      await expect.poll(() => answers.innerText()).toContain('Agence')
      const status = page.getByRole('region', { name: fr['application.status'], exact: true })
      await status.getByLabel(fr['application.newStatus']).selectOption('closed')
      await status.getByLabel(fr['application.statusMessage']).fill('Matériel rendu, dossier clos.')
      await status.getByRole('button', { name: fr['application.changeStatus'] }).click()
      await page
        .getByRole('region', { name: fr['application.history'] })
        .getByText('Matériel rendu, dossier clos.')
        .waitFor()
      expect(
        await page
          .getByRole('region', { name: fr['application.summary'] })
          .getByText(fr['status.closed'])
          .count(),
      ).toBe(1)
      expect(await englishOn(page)).toEqual([])
    } finally {
      await french.close()
    }
  }, 120_000)
})
