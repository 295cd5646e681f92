import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture } from './chromium.js'

// A shared contract in real Chromium against the real API: its requester sees who read it, and a
// share that staff revoke closes at once in the requester's open widget, without a reload.
let fixture: Awaited<ReturnType<typeof startFixture>>
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  fixture = await startFixture()
  browser = fixture.browser
})
afterAll(async () => {
  for (const context of contexts) await context.close()
  await fixture?.close()
})

const SAM = { email: 'sam@acme.test', password: 'portico-demo' }
const LABELS = {
  en: {
    haveAccount: 'Already have an account? Log in',
    password: 'Password',
    submit: 'Log in',
    contracts: 'Contracts',
    download: 'Download',
  },
  fr: {
    haveAccount: /^Déjà un compte/,
    password: 'Mot de passe',
    submit: 'Se connecter',
    contracts: 'Contrats',
    download: 'Télécharger',
  },
} as const

/** A contact signed in on the script-tag page in a browser of their own language. */
async function signedIn(login: { email: string; password: string }, lang: 'en' | 'fr'): Promise<Page> {
  const l = LABELS[lang]
  const context = await browser.newContext({
    locale: lang === 'en' ? 'en-US' : 'fr-FR',
    acceptDownloads: true,
  })
  contexts.push(context)
  const page = await context.newPage()
  await page.goto(`${fixture.demo.pageUrl}/`)
  await page.getByRole('button', { name: l.haveAccount }).click()
  await page.getByLabel('E-mail', { exact: true }).fill(login.email)
  await page.getByLabel(l.password).fill(login.password)
  await page.getByRole('button', { name: l.submit, exact: true }).click()
  await page.getByRole('button', { name: l.contracts }).click()
  await page.getByRole('button', { name: /Master services agreement/ }).click()
  await page
    .getByRole('heading', { name: /Master services agreement/ })
    .first()
    .waitFor()
  return page
}

async function admin(path: string) {
  const response = await fetch(`${fixture.demo.apiUrl}/v1/admin${path}`, {
    method: path.includes('/contracts/') ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${fixture.adminKey}` },
  })
  return { status: response.status, body: (await response.json().catch(() => null)) as never }
}

describe('a shared contract in Chromium', () => {
  it('shows its requester who viewed and downloaded it, and closes at once when staff revoke the share', async () => {
    // The colleague (a watcher, French) opens the contract and downloads its attachment.
    const sam = await signedIn(SAM, 'fr')
    const download = sam.waitForEvent('download')
    await sam.getByRole('button', { name: `${LABELS.fr.download} msa.pdf` }).click()
    expect((await download).suggestedFilename()).toBe('msa.pdf')
    // A watcher who is not a company admin is not shown the receipts.
    expect(await sam.getByRole('heading', { name: 'Accusés de lecture' }).count()).toBe(0)

    // The requester (English) sees both receipts under the contract.
    const requester = await signedIn(fixture.demo.seed.login, 'en')
    const receipts = requester.getByRole('region', { name: 'Receipts' })
    await receipts.getByText('Sam Colleague viewed the contract').waitFor()
    await receipts.getByText('Sam Colleague downloaded msa.pdf').waitFor()
    let loads = 0
    requester.on('load', () => loads++)

    // Staff revoke the share: the open contract closes within seconds, no reload, no download left.
    const list = (await admin('/contracts')).body as { items: { id: string; title: string }[] }
    const id = list.items.find((c) => c.title === 'Master services agreement')?.id ?? ''
    expect((await admin(`/contracts/${id}/revoke`)).status).toBe(200)
    await requester.getByText('This contract is no longer shared with you.').waitFor({ timeout: 5000 })
    expect(await requester.getByRole('button', { name: /^Download/ }).count()).toBe(0)
    expect(loads).toBe(0)
    // The colleague's open page closes too, in French.
    await sam.getByText('Ce contrat n’est plus partagé avec vous.').waitFor({ timeout: 5000 })
  }, 90_000)
})
