/** The mails Portico sends. */
export const MAIL_TEMPLATES = [
  'invitation',
  'password-reset',
  'contract-shared',
  'status-changed',
  'staff-note',
  'staff-invitation',
  'staff-password-reset',
  'contact-activity',
  'sign-in-code',
  'sign-in-link',
  'webhook-disabled',
] as const

/** The name of one mail template. */
export type MailTemplateName = (typeof MAIL_TEMPLATES)[number]

/** A mail before it becomes text and HTML: a subject, paragraphs and at most one call to action. */
export interface MailContent {
  subject: string
  paragraphs: string[]
  action?: { label: string; url: string }
}

/** One language's templates: each turns the mail's data into content. */
export type MailCatalogue = Record<MailTemplateName, (data: Readonly<Record<string, string>>) => MailContent>

/** The data keys each template cannot do without; others (`organisation`, `link`, `note`…) are optional. */
export const REQUIRED_DATA: Record<MailTemplateName, readonly string[]> = {
  invitation: ['name', 'link'],
  'password-reset': ['name', 'link'],
  'contract-shared': ['name', 'title', 'role'],
  'status-changed': ['name', 'process', 'status'],
  'staff-note': ['name', 'process'],
  'staff-invitation': ['link', 'role'],
  'staff-password-reset': ['name', 'link'],
  'contact-activity': ['name', 'contact', 'process', 'activity'],
  'sign-in-code': ['name', 'code'],
  'sign-in-link': ['name', 'link'],
  'webhook-disabled': ['name', 'url', 'since', 'days'],
}
