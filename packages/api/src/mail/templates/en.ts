import { STATUS_WORDS } from '@portico/schema'
import { isApplicationStatus } from './status.js'
import type { MailCatalogue } from './types.js'

// The status words are the schema's, the widget's badges say the same; a sentence lower-cases them.
const status = (value: string | undefined) =>
  isApplicationStatus(value) ? STATUS_WORDS.en[value].toLocaleLowerCase('en') : (value ?? '')

const ROLE_EN: Record<string, string> = {
  owner: 'an owner',
  admin: 'an admin',
  agent: 'an agent',
  viewer: 'a viewer',
}

const open = (url: string | undefined, label: string) => (url ? { action: { label, url } } : {})

/** English mail templates. */
export const en: MailCatalogue = {
  invitation: (d) => ({
    subject: d.organisation ? `${d.organisation} invited you to its client portal` : 'You are invited',
    paragraphs: [
      `Hello ${d.name},`,
      `${d.organisation ?? 'We'} invited you to the client portal${d.portal ? ` “${d.portal}”` : ''}. Choose a password to activate your account.`,
      'This link works once and expires soon. If you did not expect this invitation, ignore this message.',
    ],
    action: { label: 'Accept the invitation', url: d.link ?? '' },
  }),
  'password-reset': (d) => ({
    subject: 'Reset your password',
    paragraphs: [
      `Hello ${d.name},`,
      'Someone asked to reset the password of your client portal account. Choose a new password with the link below.',
      'This link works once and expires soon. If you did not ask for it, ignore this message: your password stays the same.',
    ],
    action: { label: 'Choose a new password', url: d.link ?? '' },
  }),
  'contract-shared': (d) => ({
    subject: `Contract shared with you: ${d.title}`,
    paragraphs: [
      `Hello ${d.name},`,
      d.role === 'watcher'
        ? `You were added as a watcher of the contract "${d.title}"${d.reference ? ` (${d.reference})` : ''}${d.requester ? ` requested by ${d.requester}` : ''}.`
        : `The contract "${d.title}"${d.reference ? ` (${d.reference})` : ''} was shared with you as its requester.`,
      'You can read it on the Contracts page of your client portal.',
    ],
    ...open(d.link, 'Open the contract'),
  }),
  'status-changed': (d) => ({
    subject: `Your application "${d.process}" is now ${status(d.status)}`,
    paragraphs: [
      `Hello ${d.name},`,
      `The status of your application "${d.process}"${d.reference ? ` (${d.reference})` : ''} changed to: ${status(d.status)}.`,
      ...(d.message ? [`Message from ${d.author ?? 'our team'}:`, `“${d.message}”`] : []),
    ],
    ...open(d.link, 'View the application'),
  }),
  'staff-note': (d) => ({
    subject: `New note on your application "${d.process}"`,
    paragraphs: [
      `Hello ${d.name},`,
      `${d.author ?? 'Our team'} added a note to your application "${d.process}".`,
      ...(d.note ? [`“${d.note}”`] : []),
    ],
    ...open(d.link, 'Read the note'),
  }),
  'staff-invitation': (d) => ({
    subject: d.organisation ? `Join ${d.organisation} on Portico` : 'You are invited to a Portico console',
    paragraphs: [
      d.name ? `Hello ${d.name},` : 'Hello,',
      `${d.inviter ?? 'A colleague'} invited you to the staff console of ${d.organisation ?? 'their organisation'} as ${ROLE_EN[d.role ?? ''] ?? d.role}. Choose your name and a password to sign in.`,
      'This link works once and expires in 7 days. If you did not expect this invitation, ignore this message.',
    ],
    action: { label: 'Accept the invitation', url: d.link ?? '' },
  }),
  'staff-password-reset': (d) => ({
    subject: 'Reset your Portico console password',
    paragraphs: [
      `Hello ${d.name},`,
      'Someone asked to reset the password of your staff console account. Choose a new password with the link below.',
      'This link works once and expires in an hour. If you did not ask for it, ignore this message: your password stays the same.',
    ],
    action: { label: 'Choose a new password', url: d.link ?? '' },
  }),
  'contact-activity': (d) => {
    const about = `"${d.process}"${d.reference ? ` (${d.reference})` : ''}`
    return {
      subject:
        d.activity === 'upload'
          ? `${d.contact} uploaded a file to ${about}`
          : `${d.contact} wrote a note on ${about}`,
      paragraphs: [
        `Hello ${d.name},`,
        d.activity === 'upload'
          ? `${d.contact} uploaded ${d.filename ? `"${d.filename}"` : 'a file'} to the application ${about}.`
          : `${d.contact} wrote a note on the application ${about}.`,
        ...(d.note ? [`“${d.note}”`] : []),
        d.assigned
          ? 'You are told because the application is assigned to you.'
          : 'You are told because the application is assigned to no one yet.',
      ],
      ...open(d.url, 'Open the application'),
    }
  },
  'sign-in-code': (d) => ({
    subject: 'Your sign-in code',
    paragraphs: [
      `Hello ${d.name},`,
      `Your code to sign in to ${d.organisation ? `the client portal of ${d.organisation}` : 'the client portal'} is:`,
      d.code ?? '',
      'It works once, for 10 minutes. If you did not ask for it, ignore this message: nobody can sign in without the code.',
    ],
  }),
  'sign-in-link': (d) => ({
    subject: 'Your sign-in link',
    paragraphs: [
      `Hello ${d.name},`,
      `Open the link below to sign in to ${d.organisation ? `the client portal of ${d.organisation}` : 'the client portal'}, then confirm on the page.`,
      'It works once, for 15 minutes. If you did not ask for it, ignore this message.',
    ],
    action: { label: 'Sign in', url: d.link ?? '' },
  }),
  'webhook-disabled': (d) => ({
    subject: `Webhook endpoint disabled: ${d.url}`,
    paragraphs: [
      `Hello ${d.name},`,
      `Every delivery to the webhook endpoint ${d.url} has failed since ${d.since}, for ${d.days} days: Portico has disabled it and stopped sending to it.`,
      'Its pending deliveries are kept. Fix the receiver, enable the endpoint again in the console (Webhooks), then replay what it missed.',
    ],
    ...open(d.console, 'Open the webhooks'),
  }),
}
