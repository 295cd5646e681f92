import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { smtpSender } from '@portico/api'
import { PROBLEM_MESSAGES, SERVER_FIELD_MESSAGES, STATUS_WORDS } from '@portico/schema'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminCall, startFixture } from './chromium.js'
import { startSmtp } from './smtp.js'

// A French contact on a French host page (data-locale="fr") in an English browser, so nothing
// French may come from the browser's Accept-Language: every word must come from the widget's
// language. The walk visits every view at 320 px and fails on any English string it meets.

let fixture: Awaited<ReturnType<typeof startFixture>>
let smtp: Awaited<ReturnType<typeof startSmtp>>
let browser: Browser

beforeAll(async () => {
  smtp = await startSmtp()
  fixture = await startFixture({ mail: { sender: smtpSender(smtp.url), intervalMs: 100 } })
  browser = fixture.browser
})

afterAll(async () => {
  await fixture?.close()
  await smtp?.close()
})

const NNBSP = '\u202f'
const CONTACT = { name: 'Camille Lefèvre', email: 'camille@exemple.fr', password: 'mot-de-passe-long' }

// ---------------------------------------------------------------------------------------------
// What counts as English: the catalogues' English wherever the French differs, plus common words.

type Entry = string | ((params: never) => string) | { title: string; detail?: unknown }

/** The fixed parts of a message: the text around its `{placeholders}` or its function's parameters. */
function fragments(entry: Entry): string[] {
  if (typeof entry === 'object') return [...fragments(entry.title), ...fragments(entry.detail as Entry)]
  if (entry === undefined) return []
  const text =
    typeof entry === 'function'
      ? entry(new Proxy({}, { get: () => '\u0000' }) as never)
      : entry.replace(/\{\w+\}/g, '\u0000')
  return text
    .split('\u0000')
    .map((part) => part.trim().replace(/^[:;,.]\s*|\s*[:;,.]$/g, ''))
    .filter((part) => part.length >= 4)
}

/** English fragments of a pair of catalogues whose French differs. */
function englishOf(en: Record<string, Entry>, fr: Record<string, Entry>): string[] {
  const out: string[] = []
  for (const [key, value] of Object.entries(en)) {
    const french = new Set(fragments(fr[key] as Entry))
    for (const part of fragments(value)) if (!french.has(part)) out.push(part)
  }
  return out
}

async function widgetCatalogues() {
  const dir = join(import.meta.dirname, '..', '..', '..', 'packages', 'widget', 'src', 'i18n')
  const load = (file: string) => import(pathToFileURL(join(dir, file)).href)
  const [{ en }, { fr }, { enContact }, { frContact }] = await Promise.all([
    load('messages.ts'),
    load('fr.ts'),
    load('contact-en.ts'),
    load('contact-fr.ts'),
  ])
  return [...englishOf(en, fr), ...englishOf(enContact, frContact)]
}

/** The seed's English names of processes and portals. */
const SEED_ENGLISH = [
  'Open a business account',
  'Verify your identity',
  'Report an incident',
  'Acme onboarding',
  'Acme client services',
]

/** Words of English that French never uses (French words spelt alike, e.g. "notes", are left out). */
const ENGLISH_WORDS = new Set(
  `the your you and please with this that was has have yet here what when from more again try enter
  choose upload uploaded download submit cancel loading error failed password log sign account company
  phone name status draft submitted approved rejected review closed contract contracts application
  applications attachment attachments new show open save language profile colleague colleagues invite
  deactivate reactivate of to is are be no yes by at it not could would should too many attempts wrong
  invalid request found started updated unread reply staff file files been will need needs next back
  bad internal server forbidden unauthorized wait seconds minutes link expired already exists instead
  reset forgot logout create created verify identity business bytes kb mb hello dear team view`
    .split(/\s+/)
    .filter(Boolean),
)

let PHRASES: RegExp[] = []

/** The English a text holds: catalogue phrases and English words, once known data is taken out. */
function englishIn(text: string, data: readonly string[]): string[] {
  let rest = text.replace(/https?:\/\/\S+/g, ' ')
  for (const value of data) rest = rest.replaceAll(value, ' ')
  const found = PHRASES.filter((phrase) => phrase.test(rest)).map((phrase) => phrase.source)
  for (const word of rest.match(/\p{L}+/gu) ?? []) if (ENGLISH_WORDS.has(word.toLowerCase())) found.push(word)
  return [...new Set(found)]
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const bounded = (phrase: string) =>
  new RegExp(
    `${/^\p{L}/u.test(phrase) ? '(?<!\\p{L})' : ''}${literal(phrase)}${/\p{L}$/u.test(phrase) ? '(?!\\p{L})' : ''}`,
    'u',
  )

beforeAll(async () => {
  const english = [
    ...(await widgetCatalogues()),
    ...englishOf(PROBLEM_MESSAGES.en as never, PROBLEM_MESSAGES.fr as never),
    ...englishOf(SERVER_FIELD_MESSAGES.en as never, SERVER_FIELD_MESSAGES.fr as never),
    ...englishOf(STATUS_WORDS.en, STATUS_WORDS.fr),
    ...SEED_ENGLISH,
  ]
  PHRASES = [...new Set(english)].map(bounded)
})

// ---------------------------------------------------------------------------------------------
// What the widget shows: its text, labels and attributes, and whether anything sticks out.

/** Text the contact meets in the widget: visible text, then accessible names, placeholders, titles. */
function widgetText(page: Page) {
  return page.evaluate(() => {
    const portal = document.querySelector('#portal > portico-root')?.shadowRoot?.querySelector('.portal')
    if (!(portal instanceof HTMLElement)) return ''
    const attributes = Array.from(portal.querySelectorAll('*')).flatMap((element) =>
      ['aria-label', 'placeholder', 'title', 'alt', 'aria-description', 'aria-roledescription']
        .map((name) => element.getAttribute(name))
        .filter((value): value is string => Boolean(value)),
    )
    const options = Array.from(portal.querySelectorAll('option'), (option) =>
      option.lang && option.lang !== 'fr' ? '' : (option.textContent ?? ''),
    )
    // biome-ignore lint/performance/useDomNodeTextContent: the text a person sees, not hidden nodes'
    return [portal.innerText, ...attributes, ...options].join('\n')
  })
}

/** What overflows sideways: the page, the widget's root, each view, and elements sticking out of the root. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const portal = document.querySelector('#portal > portico-root')?.shadowRoot?.querySelector('.portal')
    if (!(portal instanceof HTMLElement)) return ['no widget']
    const out: string[] = []
    if (document.documentElement.scrollWidth > window.innerWidth) out.push('page')
    if (portal.scrollWidth > portal.clientWidth)
      out.push(`.portal ${portal.scrollWidth}>${portal.clientWidth}`)
    for (const view of Array.from(portal.children) as HTMLElement[])
      if (view.scrollWidth > view.clientWidth + 1)
        out.push(`${view.tagName.toLowerCase()}.${view.className} ${view.scrollWidth}>${view.clientWidth}`)
    const box = portal.getBoundingClientRect()
    for (const element of Array.from(portal.querySelectorAll('*'))) {
      const rect = element.getBoundingClientRect()
      if (rect.width > 0 && (rect.right > box.right + 1 || rect.left < box.left - 1))
        out.push(`${element.tagName.toLowerCase()}.${element.className} sticks out`)
    }
    return out
  })
}

interface Walk {
  page: Page
  /** Names, e-mails, file names and notes the contact or staff typed: data, not the widget's words. */
  data: string[]
  /** Every finding, by view. */
  findings: string[]
}

/** Looks at the current view: no English, nothing overflowing at 320 px. */
async function look(walk: Walk, view: string) {
  const text = await widgetText(walk.page)
  for (const english of englishIn(text, walk.data)) walk.findings.push(`${view}: English "${english}"`)
  for (const problem of await overflow(walk.page)) walk.findings.push(`${view}: overflow ${problem}`)
}

// ---------------------------------------------------------------------------------------------
// Staff's side, through the admin API.

const admin = (method: string, path: string, body?: unknown) =>
  adminCall(fixture, method, path, body) as Promise<Record<string, unknown>>

/** The e-mails the contact got, once `count` of them have arrived. */
async function mailsTo(email: string, count: number) {
  await expect.poll(() => smtp.to(email).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count)
  return smtp.to(email)
}

// ---------------------------------------------------------------------------------------------

async function frenchPage(context: BrowserContext) {
  const page = await context.newPage()
  await page.goto(`${fixture.demo.pageUrl}/fr.html`)
  return page
}

describe('a French contact in Chromium meets no English', () => {
  it('in any view, server message, process name or mail, and nothing overflows at 320 px', async () => {
    // An English browser: French must come from the widget's language, not Accept-Language.
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 320, height: 640 } })
    const page = await frenchPage(context)
    const walk: Walk = {
      page,
      data: [CONTACT.name, CONTACT.email, 'Acme Bank', 'Dana Demo', 'demo@acme.test'],
      findings: [],
    }
    // The scanner itself: it sees the English of a server message and none in its French.
    expect(englishIn(PROBLEM_MESSAGES.en['invalid-credentials'].detail, [])).not.toEqual([])
    expect(englishIn(PROBLEM_MESSAGES.fr['invalid-credentials'].detail, [])).toEqual([])
    try {
      // Process picker.
      await page.getByRole('heading', { name: `Que souhaitez-vous faire${NNBSP}?` }).waitFor()
      await look(walk, 'picker')

      // Register, first with an e-mail that has an account: the server's 409 in French.
      await page.getByRole('button', { name: 'Signaler un incident' }).click()
      await page.getByRole('heading', { name: 'Créez votre compte' }).waitFor()
      await look(walk, 'register')
      await page.getByRole('button', { name: 'Créer le compte et commencer' }).click()
      await page.getByText('Veuillez corriger les champs signalés.').waitFor()
      await look(walk, 'register with errors')
      await page.getByLabel('Nom complet').fill(CONTACT.name)
      await page.getByLabel('E-mail', { exact: true }).fill('demo@acme.test')
      await page.getByLabel('Mot de passe').fill(CONTACT.password)
      await page.getByLabel(/Que s’est-il passé/).fill('Ma carte a été avalée par un distributeur.')
      walk.data.push('Ma carte a été avalée par un distributeur.')
      await page.getByRole('button', { name: 'Créer le compte et commencer' }).click()
      await page
        .getByText(/Un compte existe déjà avec cette adresse e-mail/)
        .first()
        .waitFor()
      await look(walk, 'register: existing e-mail (409)')

      // Register for real and land on the new application.
      await page.getByLabel('E-mail', { exact: true }).fill(CONTACT.email)
      const registered = page.waitForResponse((r) => r.url().endsWith('/register') && r.status() === 201)
      await page.getByRole('button', { name: 'Créer le compte et commencer' }).click()
      const session = (await (await registered).json()) as { contact: { id: string }; applicationId: string }
      await page.getByRole('heading', { name: 'Signaler un incident' }).waitFor()
      await page.getByText('Ma carte a été avalée par un distributeur.').waitFor()
      await look(walk, 'application')

      // A note and a 12-byte attachment, its size in French.
      await page.getByLabel('Ajouter une note').fill('Je peux apporter le reçu.')
      walk.data.push('Je peux apporter le reçu.')
      await page.getByRole('button', { name: 'Ajouter la note' }).click()
      await page.getByText('Je peux apporter le reçu.').waitFor()
      await page
        .getByLabel('Ajouter des fichiers')
        .setInputFiles({ name: 'recu.txt', mimeType: 'text/plain', buffer: Buffer.from('douze octets') })
      walk.data.push('recu.txt')
      await page.getByRole('button', { name: 'Télécharger recu.txt' }).first().waitFor()
      await page.screenshot({ path: '/tmp/frscan-app.png', fullPage: true })
      expect(await widgetText(page)).toMatch(/12\s?(octets|o)\b/)
      await look(walk, 'application with a note and an attachment')

      // Staff reply, change the status with a message, and share a contract.
      const contactId = session.contact.id
      const first = { id: session.applicationId }
      await admin('POST', `/applications/${first?.id}/notes`, {
        body: 'Merci, nous regardons cela.',
        author: 'Aurélien Agent',
      })
      await admin('POST', `/applications/${first?.id}/status`, {
        status: 'in_review',
        message: 'Dossier complet, examen en cours.',
      })
      walk.data.push('Merci, nous regardons cela.', 'Aurélien Agent', 'Dossier complet, examen en cours.')
      await page.getByText('Merci, nous regardons cela.').waitFor()
      await page.getByText('Dossier complet, examen en cours.').first().waitFor()
      await look(walk, 'application after staff reply and status change')

      // A new application of another process.
      await page.getByRole('button', { name: 'Nouvelle demande' }).click()
      await page.getByRole('heading', { name: 'Nouvelle demande' }).waitFor()
      await look(walk, 'picker (contact)')
      await page.getByRole('button', { name: 'Ouvrir un compte professionnel' }).click()
      await page
        .getByRole('heading', { name: `Nouvelle demande${NNBSP}: Ouvrir un compte professionnel` })
        .waitFor()
      await look(walk, 'new application')
      await page.getByRole('button', { name: 'Envoyer la demande' }).click()
      await page.getByRole('heading', { name: 'Ouvrir un compte professionnel' }).waitFor()
      await look(walk, 'second application')

      // The dashboard lists both, with their statuses in French.
      await page.getByRole('button', { name: 'Demandes' }).click()
      await page.getByRole('heading', { name: 'Vos demandes' }).waitFor()
      await expect.poll(() => page.locator('portico-root >> .application-row').count()).toBe(2)
      const rows = await page.locator('portico-root >> .application-row').allInnerTexts()
      expect(
        rows.some((row) => row.includes('Signaler un incident') && row.includes('En cours d’examen')),
      ).toBe(true)
      expect(
        rows.some((row) => row.includes('Ouvrir un compte professionnel') && row.includes('Envoyée')),
      ).toBe(true)
      await look(walk, 'dashboard')

      // Contracts: the list and one contract.
      await admin('POST', '/contracts', {
        title: 'Contrat de compte courant',
        reference: 'CC-2026-7',
        requesterId: contactId,
        status: 'pending_signature',
      })
      walk.data.push('Contrat de compte courant', 'CC-2026-7')
      await page.getByRole('button', { name: 'Contrats' }).click()
      await page.getByRole('heading', { name: 'Contrats partagés avec vous' }).waitFor()
      await page.getByRole('button', { name: /Contrat de compte courant/ }).waitFor()
      await look(walk, 'contracts')
      await page.getByRole('button', { name: /Contrat de compte courant/ }).click()
      await page.getByRole('heading', { name: 'Contrat de compte courant' }).waitFor()
      await look(walk, 'contract')

      // The company page: staff make the contact the admin of a company of their own.
      const company = await admin('POST', '/companies', {
        name: 'Boulangerie Lefèvre',
        address: '3 rue Haute',
      })
      await admin('PATCH', `/contacts/${contactId}`, { companyId: company.id, isCompanyAdmin: true })
      walk.data.push('Boulangerie Lefèvre', '3 rue Haute')
      await page.getByRole('button', { name: 'Entreprise' }).click()
      await page.getByRole('heading', { name: 'Votre entreprise' }).waitFor()
      await page.getByText('Boulangerie Lefèvre').first().waitFor()
      await look(walk, 'company')

      // The account menu and the profile, with the language of e-mails.
      await page.getByRole('button', { name: `Menu du compte de ${CONTACT.name}` }).click()
      await look(walk, 'account menu')
      await page.getByRole('button', { name: 'Votre profil' }).click()
      await page.getByRole('heading', { name: 'Votre profil' }).waitFor()
      expect(await page.getByLabel('Langue des e-mails').inputValue()).toBe('fr')
      await look(walk, 'profile')
      await page.getByRole('button', { name: 'Enregistrer' }).click()
      await page.getByText('Votre profil a été enregistré.').waitFor()
      await look(walk, 'profile saved')

      // Log out, then a wrong password: the server's message in French.
      await page.getByRole('button', { name: `Menu du compte de ${CONTACT.name}` }).click()
      await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click()
      await page.getByRole('heading', { name: 'Connexion' }).waitFor()
      await look(walk, 'login')
      await page.getByLabel('E-mail', { exact: true }).fill(CONTACT.email)
      const wrong = async () => {
        await page.getByLabel('Mot de passe').fill('pas le bon mot de passe')
        const answered = page.waitForResponse((r) => r.url().endsWith('/login'))
        await page.getByRole('button', { name: 'Se connecter' }).click()
        return (await answered).status()
      }
      expect(await wrong()).toBe(401)
      await page.getByText(PROBLEM_MESSAGES.fr['invalid-credentials'].detail).waitFor()
      await look(walk, 'login: wrong password (401)')
      // Three failures are free; the next ones are slowed down with a 429.
      let status = 401
      for (let attempt = 0; attempt < 6 && status !== 429; attempt++) status = await wrong()
      expect(status).toBe(429)
      await page
        .getByText(/Trop de tentatives/)
        .first()
        .waitFor()
      await look(walk, 'login: too many attempts (429)')

      // Forgot the password: the e-mailed link resets it and logs in.
      await page.getByRole('button', { name: `Mot de passe oublié${NNBSP}?` }).click()
      await page.getByRole('heading', { name: 'Réinitialiser votre mot de passe' }).waitFor()
      await look(walk, 'forgot password')
      const before = smtp.to(CONTACT.email).length
      await page.getByLabel('E-mail', { exact: true }).fill(CONTACT.email)
      await page.getByRole('button', { name: 'Envoyer le lien' }).click()
      await page.getByRole('heading', { name: 'Connexion' }).waitFor()
      await page.getByText(/un lien de réinitialisation vient de lui être envoyé/).waitFor()
      await look(walk, 'login after the reset link was sent')
      const mails = await mailsTo(CONTACT.email, before + 1)
      const link = /https?:\/\/\S+portico-reset=[\w-]+\S*/.exec(mails.at(-1)?.text ?? '')?.[0]
      expect(link, mails.at(-1)?.text).toBeTruthy()
      const reset = new URL(link ?? '')
      // A fresh load (from the same page, a changed fragment alone would not reload it).
      await page.goto('about:blank')
      await page.goto(`${fixture.demo.pageUrl}/fr.html${reset.hash}`)
      await page.getByRole('heading', { name: 'Choisissez un nouveau mot de passe' }).waitFor()
      await look(walk, 'reset password')
      await page.getByLabel('Nouveau mot de passe').fill('un-autre-mot-de-passe')
      await page.getByRole('button', { name: 'Enregistrer et se connecter' }).click()
      await page.getByRole('button', { name: `Menu du compte de ${CONTACT.name}` }).waitFor()
      await look(walk, 'logged in after the reset')

      // Every mail the contact got is French.
      for (const mail of smtp.to(CONTACT.email)) {
        for (const english of englishIn(`${mail.subject}\n${mail.text}`, walk.data))
          walk.findings.push(`mail "${mail.subject}": English "${english}"`)
        if (!mail.html.includes('lang="fr"')) walk.findings.push(`mail "${mail.subject}": not lang="fr"`)
      }
      expect(smtp.to(CONTACT.email).length).toBeGreaterThanOrEqual(3)
    } catch (error) {
      console.error('findings so far:', walk.findings)
      await page.screenshot({ path: '/tmp/frscan-fail.png', fullPage: true })
      throw error
    } finally {
      await context.close()
    }
    expect(walk.findings).toEqual([])
  }, 120_000)

  it('keeps focus on the form while a slow login answers, then on its message (not on <body>)', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 320, height: 640 } })
    try {
      const page = await frenchPage(context)
      await page.getByRole('button', { name: `Déjà un compte${NNBSP}? Connectez-vous` }).click()
      await page.getByRole('heading', { name: 'Connexion' }).waitFor()
      // The API answers the login two seconds late.
      await context.route('**/v1/portals/*/login', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 2000))
        await route.continue()
      })
      await page.getByLabel('E-mail', { exact: true }).fill('demo@acme.test')
      await page.getByLabel('Mot de passe').fill('pas le bon mot de passe')
      const answered = page.waitForResponse((r) => r.url().endsWith('/login'))
      await page.getByRole('button', { name: 'Se connecter' }).click()
      const focused = () =>
        page.evaluate(() => {
          let element = document.activeElement
          while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement
          return element
            ? `${element.tagName.toLowerCase()} ${element.getAttribute('role') ?? ''} ${(element.textContent ?? '').trim()}`.trim()
            : 'none'
        })
      // While the answer is on its way, focus stays in the widget's form.
      expect(await focused()).toMatch(/^button.*Se connecter/)
      await answered
      await page.getByText(PROBLEM_MESSAGES.fr['invalid-credentials'].detail).waitFor()
      const after = await focused()
      expect(after).not.toMatch(/^body/)
      expect(after).toMatch(/Se connecter|E-mail ou mot de passe|Vérifiez votre e-mail|^input/)
    } finally {
      await context.close()
    }
  }, 60_000)
})
