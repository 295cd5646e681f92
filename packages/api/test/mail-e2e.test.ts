import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { smtpSender } from '../src/mail/sender.js'
import { createMailWorker } from '../src/mail/worker.js'
import { type Api, setupApi } from './harness.js'
import { admin, createContact, login } from './helpers.js'
import { startSmtp, type TestSmtp } from './smtp.js'

let api: Api
let smtp: TestSmtp
beforeEach(async () => {
  api = await setupApi()
  smtp = await startSmtp()
})
afterEach(async () => {
  await smtp.close()
  await api.close()
})

async function deliver() {
  const worker = createMailWorker({ db: api.db.kysely, sender: smtpSender(smtp.url), log: () => {} })
  const result = await worker.runOnce()
  await worker.stop()
  return result
}

async function contactIds() {
  const contacts = (await admin(api, 'GET', '/contacts')).body.items as { id: string; email: string }[]
  const by = (email: string) => contacts.find((c) => c.email === email)?.id ?? ''
  return { dana: by('demo@acme.test'), sam: by('sam@acme.test') }
}

describe('mail, from the API to the SMTP server', () => {
  it('mails a shared contract to the requester and each watcher, in their own language', async () => {
    const { dana, sam } = await contactIds()
    const shared = await admin(api, 'POST', '/contracts', {
      title: 'Loan agreement',
      reference: 'LA-1',
      requesterId: dana,
      watcherIds: [sam],
    })
    expect(shared.status).toBe(201)
    expect((await deliver()).sent).toBeGreaterThanOrEqual(2)

    const toDana = smtp.received.filter((m) => m.to.includes('demo@acme.test'))
    const toSam = smtp.received.filter((m) => m.to.includes('sam@acme.test'))
    expect(toDana.map((m) => m.subject)).toContain('Contract shared with you: Loan agreement')
    expect(toDana.find((m) => m.subject.includes('Loan agreement'))?.text).toContain('as its requester')
    const samMail = toSam.find((m) => m.subject.includes('Loan agreement'))
    expect(samMail?.subject).toBe('Contrat partagé avec vous\u202f: Loan agreement')
    expect(samMail?.text).toContain('observateur')
  })

  it('delivers an invitation whose link, as received, activates the account', async () => {
    const id = await createContact(api, { email: 'nina@acme.test', name: 'Nina Nouvelle', locale: 'fr' })
    const invited = await admin(api, 'POST', `/contacts/${id}/invitations`, { portal: 'acme-services' })
    expect(invited.status).toBeLessThan(300)
    await deliver()

    const [mail] = smtp.received.filter((m) => m.to.includes('nina@acme.test'))
    expect(mail?.subject).toContain('vous invite sur son portail client')
    expect(mail?.text).toContain('Bonjour Nina Nouvelle')
    const token = /portico-invitation=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1]
    expect(token).toBeTruthy()
    const accepted = await api.call('POST', '/v1/portals/acme-services/accept-invitation', {
      body: { token, password: 'a long password' },
    })
    expect(accepted.status).toBe(200)
    expect(await login(api, { email: 'nina@acme.test', password: 'a long password' })).toBeTruthy()
  })

  it('shows delivered mail as sent in the admin outbox, to its own organisation only', async () => {
    const { dana } = await contactIds()
    await admin(api, 'POST', '/contracts', {
      title: 'Lease',
      reference: 'L-1',
      requesterId: dana,
      watcherIds: [],
    })
    await deliver()
    const res = await admin(api, 'GET', '/outbox?status=sent')
    expect(res.status).toBe(200)
    expect(res.body.items.map((m: { to: string; subject: string }) => [m.to, m.subject])).toContainEqual([
      'demo@acme.test',
      'Contract shared with you: Lease',
    ])
    expect((await api.call('GET', '/v1/admin/outbox')).status).toBe(401)
  })
})
