// The English catalogue: every message a contact can meet, written once. Field messages are keyed
// by rule code and take the rule's parameters; problems are keyed by their `type` slug.
// A new language copies this file, translates it and registers it in ./index.ts: the compiler then
// lists every missing message (see `FieldMessages` and `ProblemMessages`).

/** Field messages by rule code. */
export const fields = {
  required: 'This field is required',
  text: 'Enter text',
  tooLong: (p: { max: number }) => `Use at most ${p.max} characters`,
  email: 'Enter a valid e-mail address',
  phone: 'Enter a valid phone number',
  date: 'Enter a date as YYYY-MM-DD',
  select: 'Choose one of the options',
  checkbox: 'Tick or untick this box',
  object: 'Send the form data as an object',
  invalid: 'This value is not valid',
}

/**
 * Field messages the widget never renders from here: only the server gives them, or the widget
 * words them itself (name, e-mail and password fields), so its validation chunk stays small.
 */
export const serverFields = {
  tooShort: (p: { min: number }) => `Use at least ${p.min} characters`,
  name: 'Enter your name',
  password: 'Enter your password',
  note: 'Write a note',
  tooMany: (p: { max: number }) => `Send at most ${p.max} fields`,
  linkIncomplete: 'The link is incomplete',
  linkExpired: 'This link was already used or has expired',
  chooseProcess: 'Choose a process',
  processNotOnPortal: 'Choose one of the processes of this portal',
  accountExists: 'An account with this e-mail already exists: log in instead',
  contactExists: 'A contact with this e-mail already exists',
  duplicate: (p: { process: string }) => `You already have an application for “${p.process}”`,
  fileTooLarge: 'This file is too large',
  oneFile: 'Choose one file to upload',
  fileType: 'This type of file is not accepted',
}

/** Problem titles and details by problem type. */
export const problems = {
  validation: { title: 'Invalid request body', detail: 'Some fields are missing or invalid.' },
  'invalid-credentials': {
    title: 'Wrong e-mail or password',
    detail: 'Check your e-mail and password and try again.',
  },
  'account-exists': {
    title: 'Account already exists',
    detail: 'An account with this e-mail already exists: log in instead.',
  },
  'invalid-token': {
    title: 'Invalid or expired link',
    detail: 'This link was already used or has expired: ask for a new one.',
  },
  'rate-limited': {
    title: 'Too many attempts',
    detail: (p: { seconds: number }) =>
      `Too many attempts: try again in ${p.seconds < 120 ? `${p.seconds} second(s)` : `${Math.ceil(p.seconds / 60)} minute(s)`}.`,
  },
  'registration-closed': {
    title: 'Registration is closed',
    detail: 'This portal only lets existing contacts log in.',
  },
  'portal-archived': {
    title: 'Portal closed',
    detail: (p: { slug: string }) =>
      `The portal “${p.slug}” is no longer open. Contact the organisation that runs it.`,
  },
  'portal-not-found': {
    title: 'Portal not found',
    detail: (p: { slug: string }) => `There is no portal “${p.slug}”.`,
  },
  'module-forbidden': {
    title: 'Module not available',
    detail: (p: { module: string }) =>
      `Your profile does not include the “${p.module}” module on this portal.`,
  },
  'duplicate-application': {
    title: 'Duplicate application',
    detail: (p: { process: string }) =>
      `You already have an application for “${p.process}”: open it instead of starting a new one.`,
  },
  'new-applications-closed': {
    title: 'New applications are not allowed',
    detail: 'This portal does not let you start another application. Open your existing one instead.',
  },
  unauthenticated: { title: 'Session expired', detail: 'Log in again.' },
  'file-too-large': { title: 'File too large' },
  'unsupported-type': { title: 'File type not accepted' },
}
