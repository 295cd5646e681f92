import type { MailCatalogue } from './types.js'

const STATUS: Record<string, string> = {
  draft: 'draft',
  submitted: 'submitted',
  in_review: 'in review',
  approved: 'approved',
  rejected: 'rejected',
  closed: 'closed',
}

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
      `${d.organisation ?? 'We'} invited you to the client portal. Choose a password to activate your account.`,
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
    subject: `Your application "${d.process}" is now ${STATUS[d.status ?? ''] ?? d.status}`,
    paragraphs: [
      `Hello ${d.name},`,
      `The status of your application "${d.process}"${d.reference ? ` (${d.reference})` : ''} changed to: ${STATUS[d.status ?? ''] ?? d.status}.`,
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
}
