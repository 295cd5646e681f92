import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture } from './chromium.js'

let fixture: Awaited<ReturnType<typeof startFixture>>
let demo: Awaited<ReturnType<typeof startFixture>>['demo']
let browser: Browser

beforeAll(async () => {
  fixture = await startFixture()
  demo = fixture.demo
  browser = fixture.browser
})

afterAll(async () => {
  await fixture?.close()
})

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

/** Staff share a contract through the admin API, with one attachment. */
async function shareContract(requesterId: string, title: string, attachmentsVisible: boolean): Promise<void> {
  const headers = { authorization: `Bearer ${demo.seed.adminKey}` }
  const created = await fetch(`${demo.apiUrl}/v1/admin/contracts`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ title, requesterId, attachmentsVisible }),
  })
  expect(created.status).toBe(201)
  const { id } = (await created.json()) as { id: string }
  const form = new FormData()
  form.append(
    'file',
    new Blob([PDF], { type: 'application/pdf' }),
    `${title.toLowerCase().replace(/\W+/g, '-')}.pdf`,
  )
  const uploaded = await fetch(`${demo.apiUrl}/v1/admin/contracts/${id}/attachments`, {
    method: 'POST',
    headers,
    body: form,
  })
  expect(uploaded.status).toBe(201)
}

/** What staff see of the attachments of a contact's application of a process. */
async function attachmentFields(contactId: string, process: string) {
  const headers = { authorization: `Bearer ${demo.seed.adminKey}` }
  const list = (await (await fetch(`${demo.apiUrl}/v1/admin/applications`, { headers })).json()) as {
    items: { id: string; contact: { id: string }; process: { slug: string } }[]
  }
  const match = list.items.find((a) => a.contact.id === contactId && a.process.slug === process)
  const detail = (await (
    await fetch(`${demo.apiUrl}/v1/admin/applications/${match?.id}`, { headers })
  ).json()) as {
    attachments: { filename: string; field: string | null }[]
  }
  return detail.attachments.map(({ filename, field }) => ({ filename, field }))
}

const LABELS = {
  en: {
    name: 'Full name',
    email: 'E-mail',
    password: 'Password',
    happened: 'What happened?',
    register: 'Create account and start',
    addNote: 'Add a note',
    submitNote: 'Add the note',
    addFiles: 'Add files',
    download: 'Download',
    newApplication: 'New application',
    submit: 'Submit the application',
    switcher: 'Your applications',
    open: 'Open',
    contracts: 'Contracts',
    birthDate: 'Date of birth',
    idDocument: 'Identity document',
    hidden: 'The attachments of this contract are not shared in the portal.',
    incident: 'Report an incident',
    kyc: 'Verify your identity',
  },
  fr: {
    name: 'Nom complet',
    email: 'E-mail',
    password: 'Mot de passe',
    happened: 'Que s’est-il passé\u202f?',
    register: 'Créer le compte et commencer',
    addNote: 'Ajouter une note',
    submitNote: 'Ajouter la note',
    addFiles: 'Ajouter des fichiers',
    download: 'Télécharger',
    newApplication: 'Nouvelle demande',
    submit: 'Envoyer la demande',
    switcher: 'Vos demandes',
    open: 'Ouvrir',
    contracts: 'Contrats',
    birthDate: 'Date de naissance',
    idDocument: 'Pièce d’identité',
    hidden: 'Les pièces jointes de ce contrat ne sont pas partagées dans le portail.',
    // Process names are bilingual: a French page shows their French names.
    incident: 'Signaler un incident',
    kyc: 'Vérifier votre identité',
  },
} as const

async function journey(page: Page, lang: 'en' | 'fr') {
  const l = LABELS[lang]
  const errors: string[] = []
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  await page.goto(`${demo.pageUrl}/`)

  // Register for a process, with its form, and land on the new application.
  await page.getByRole('button', { name: l.incident }).click()
  await page.getByLabel(l.name).fill('Grace Hopper')
  await page.getByLabel(l.email, { exact: true }).fill(`grace-${lang}@example.com`)
  await page.getByLabel(l.password).fill('compiler-pioneer')
  await page.getByLabel(l.happened).fill('My card was swallowed by an ATM.')
  const registered = page.waitForResponse((r) => r.url().endsWith('/register'))
  await page.getByRole('button', { name: l.register }).click()
  const { contact } = (await (await registered).json()) as { contact: { id: string } }
  await expect.poll(() => page.getByRole('heading', { name: l.incident }).count()).toBe(1)
  await expect.poll(() => page.getByText('My card was swallowed by an ATM.').count()).toBe(1)

  // Add a note to the shared timeline.
  await page.getByLabel(l.addNote).fill('I can bring the receipt.')
  await page.getByRole('button', { name: l.submitNote }).click()
  await expect.poll(() => page.locator('.note-body').allInnerTexts()).toEqual(['I can bring the receipt.'])

  // Upload an attachment and see it listed.
  await page
    .getByLabel(l.addFiles)
    .setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: PDF })
  await expect.poll(() => page.getByRole('button', { name: `${l.download} receipt.pdf` }).count()).toBe(1)

  // Start another application, whose form has a file field, then switch back from the top right.
  await page.getByRole('button', { name: l.newApplication }).click()
  await page.getByRole('button', { name: l.kyc }).click()
  await page.getByLabel(l.birthDate).fill('1990-05-01')
  await page
    .getByLabel(l.idDocument)
    .setInputFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: PDF })
  await page.getByRole('button', { name: l.submit }).click()
  await expect.poll(() => page.getByRole('heading', { name: l.kyc }).count()).toBe(1)
  await expect.poll(() => page.getByRole('button', { name: `${l.download} passport.pdf` }).count()).toBe(1)
  expect(await attachmentFields(contact.id, 'kyc')).toEqual([
    { filename: 'passport.pdf', field: 'idDocument' },
  ])
  const switcher = page.getByRole('combobox', { name: l.switcher })
  expect(await switcher.locator('option').count()).toBe(2)
  await switcher.selectOption({ index: 1 })
  // Choosing does not navigate (arrow keys would); Open does.
  await page.getByRole('button', { name: l.open, exact: true }).click()
  await expect.poll(() => page.getByRole('heading', { name: l.incident }).count()).toBe(1)

  // Staff share two contracts: one with visible attachments, one without.
  await shareContract(contact.id, `Visible ${lang}`, true)
  await shareContract(contact.id, `Hidden ${lang}`, false)
  await page.getByRole('button', { name: l.contracts }).click()
  await page.getByRole('button', { name: new RegExp(`Visible ${lang}`) }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: `${l.download} visible-${lang}.pdf` }).click()
  expect((await download).suggestedFilename()).toBe(`visible-${lang}.pdf`)

  await page.getByRole('button', { name: l.contracts }).click()
  await page.getByRole('button', { name: new RegExp(`Hidden ${lang}`) }).click()
  await expect.poll(() => page.getByText(l.hidden).count()).toBe(1)
  expect(await page.getByRole('button', { name: new RegExp(l.download) }).count()).toBe(0)
  expect(errors).toEqual([])
}

describe('the whole journey in Chromium against the real API', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`registers, notes, uploads, switches and reads shared contracts (${lang})`, async () => {
      const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-US' })
      try {
        await journey(await context.newPage(), lang)
      } finally {
        await context.close()
      }
    }, 60_000)
  }
})
