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
  signInCode: 'Enter the 6-digit code from the e-mail',
  codeWrong: 'This code is wrong or has expired',
  identityMalformed: 'This is not a signed JWT',
  identityAlgorithm:
    'This signing algorithm is not accepted: use HS256 with a portal secret, or RS256 or EdDSA with the JWKS',
  identitySignature: 'The signature matches no key of this portal',
  identityExpired: 'The token has expired',
  identityLifetime: 'The token lives longer than 10 minutes',
  identityAudience: 'The token was made for another portal (aud must be the portal slug)',
  identityClaims: 'The token needs sub, jti and exp claims as strings and numbers',
  identityReplayed: 'The token was already used',
  identityKeys: "The keys at the portal's JWKS URL could not be read",
  identityEmail: 'The token needs an email claim the first time this person signs in',
  webhookUrl: 'Use an http:// or https:// URL',
  eventType: 'Choose event types of the catalogue',
  urlPrivate: (p: { address: string }) =>
    `This URL reaches ${p.address}, a loopback, private or link-local address: use a public address`,
  urlUnresolved: 'This host name has no address: check the URL',
  urlCredentials: 'Put no user name or password in the URL: the signature proves the sender',
  expiryPast: 'Choose a time in the future',
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
  'invalid-code': {
    title: 'Wrong or expired code',
    detail: 'This code is wrong, was already used or has expired: check the e-mail or ask for a new code.',
  },
  'sign-in-method-off': {
    title: 'Sign-in method not offered',
    detail: (p: { method: string }) => `This portal does not offer this way of signing in (${p.method}).`,
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
  'identity-refused': {
    title: 'Sign-in from the website refused',
    detail: 'The website could not sign you in here: sign in with your e-mail and password instead.',
  },
  'identity-contact-inactive': {
    title: 'Account not active',
    detail: 'This account is disabled or not activated yet: contact the organisation that runs the portal.',
  },
  'passkey-unavailable': {
    title: 'Passkeys not available here',
    detail: (p: { host: string }) =>
      p.host
        ? `Passkeys of this portal do not work on ${p.host}: open the portal on its own website, or ask its owner to check its passkey domain.`
        : 'Passkeys work only from the portal’s page in a browser.',
  },
  'passkey-expired': {
    title: 'Passkey request expired',
    detail: 'This passkey request was already used or has expired: try again.',
  },
  'passkey-refused': {
    title: 'Passkey not accepted',
    detail: 'The passkey’s answer could not be verified: try again, or sign in another way.',
  },
  'passkey-unknown': {
    title: 'Unknown passkey',
    detail: 'This passkey is not registered for this portal (it may have been removed): sign in another way.',
  },
  'passkey-exists': {
    title: 'Passkey already added',
    detail: 'This passkey is already added to an account.',
  },
  'file-too-large': { title: 'File too large' },
  'unsupported-type': { title: 'File type not accepted' },
}

/** What a successful answer tells the contact, where it says more than its status. */
export const notices = {
  // The same words whether or not the account exists, so the answer reveals no e-mails.
  signInCodeSent: 'If an account exists for this e-mail, a sign-in code is on its way.',
  signInLinkSent: 'If an account exists for this e-mail, a sign-in link is on its way.',
}

/** The word for each application status: widget badges, mails and the console say the same. */
export const statuses = {
  draft: 'Draft',
  submitted: 'Submitted',
  in_review: 'In review',
  approved: 'Approved',
  rejected: 'Rejected',
  closed: 'Closed',
}
