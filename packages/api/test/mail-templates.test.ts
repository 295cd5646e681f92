import { describe, expect, it } from 'vitest'
import { enqueueMail } from '../src/mail/outbox.js'
import { MAIL_TEMPLATES, mailLanguage, renderMail } from '../src/mail/templates/index.js'
import { setupApi } from './harness.js'

const data = {
  name: 'Ada',
  organisation: 'Acme Bank',
  link: 'https://portal.example/accept?token=abc',
  title: 'Service agreement',
  reference: 'C-42',
  role: 'requester',
  process: 'Open a business account',
  status: 'in_review',
  note: 'Please send <your> ID',
  contact: 'Carl Contact',
  activity: 'note',
  code: '042137',
  url: 'https://hooks.example.com/portico',
  since: '2026-11-28',
  days: '5',
}

describe('renderMail', () => {
  it('renders every template in English and French with distinct wording', () => {
    for (const template of MAIL_TEMPLATES) {
      const english = renderMail(template, 'en', data)
      const french = renderMail(template, 'fr', data)
      expect(english.text).toContain('Hello Ada')
      expect(french.text).toContain('Bonjour Ada')
      expect(french.subject).not.toBe(english.subject)
    }
  })

  it('picks French for fr-CA and falls back to English for unsupported locales', () => {
    expect(mailLanguage('fr-CA')).toBe('fr')
    expect(mailLanguage('de')).toBe('en')
    expect(renderMail('password-reset', 'de-DE', data).locale).toBe('en')
  })

  it('words a contract share differently for the requester and a watcher', () => {
    const requester = renderMail('contract-shared', 'en', data)
    const watcher = renderMail('contract-shared', 'en', { ...data, role: 'watcher', requester: 'Bob' })
    expect(requester.text).toContain('as its requester')
    expect(watcher.text).toContain('added as a watcher')
    expect(watcher.text).toContain('requested by Bob')
    expect(renderMail('contract-shared', 'fr', { ...data, role: 'watcher' }).text).toContain('observateur')
  })

  it('names the portal an invitation opens, when staff chose one', () => {
    const portal = { ...data, portal: 'Equipment desk' }
    expect(renderMail('invitation', 'en', portal).text).toContain('the client portal “Equipment desk”.')
    expect(renderMail('invitation', 'fr', portal).text).toContain(
      'le portail client «\u202fEquipment desk\u202f».',
    )
    expect(renderMail('invitation', 'en', data).text).toContain('invited you to the client portal.')
  })

  it('translates the application status', () => {
    expect(renderMail('status-changed', 'en', data).subject).toContain('in review')
    expect(renderMail('status-changed', 'fr', data).subject).toContain('en cours d’examen')
  })

  it('puts the link in the text and escapes values in the HTML', () => {
    const mail = renderMail('staff-note', 'en', data)
    expect(mail.text).toContain('https://portal.example/accept?token=abc')
    expect(mail.html).toContain('Please send &lt;your&gt; ID')
    expect(mail.html).not.toContain('<your>')
  })

  it('refuses missing data and links that are not http(s)', () => {
    expect(() => renderMail('invitation', 'en', { name: 'Ada' })).toThrow('needs data.link')
    expect(() => renderMail('invitation', 'en', { name: 'Ada', link: 'javascript:alert(1)' })).toThrow(
      'http(s)',
    )
  })
})

describe('enqueueMail', () => {
  it('stores the rendered mail as pending', async () => {
    const api = await setupApi()
    try {
      await enqueueMail(api.db.kysely, {
        to: 'ada@example.com',
        locale: 'fr-FR',
        template: 'invitation',
        data,
      })
      const rows = await api.db.kysely.selectFrom('outbox').selectAll().execute()
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({
        to_address: 'ada@example.com',
        locale: 'fr',
        template: 'invitation',
        status: 'pending',
        attempts: 0,
        subject: 'Acme Bank vous invite sur son portail client',
      })
    } finally {
      await api.close()
    }
  })
})

describe('French typography in mails', () => {
  it('puts a narrow no-break space before : ; ? ! and inside « » in every French mail', () => {
    const faults: string[] = []
    for (const template of MAIL_TEMPLATES) {
      for (const extra of [{}, { role: 'watcher', requester: 'Bob', message: 'Merci', author: 'Zoé' }]) {
        const mail = renderMail(template, 'fr', { ...data, ...extra })
        for (const text of [mail.subject, mail.text.replace(/https?:\/\/\S+/g, '')]) {
          // A colon inside a URL or time (https://, 10:30) is no punctuation.
          for (const m of text.matchAll(/(.)([:;?!])(?![/\d])/g))
            if (m[1] !== '\u202f') faults.push(`${template}: ${m[0]}`)
          for (const m of text.matchAll(/«(.)|(.)»/g))
            if ((m[1] ?? m[2]) !== '\u202f') faults.push(`${template}: ${m[0]}`)
        }
      }
    }
    expect(faults).toEqual([])
  })
})
