/** The English catalogue: every user-facing string of the widget, by key. */
export const en = {
  loading: 'Loading…',
  retry: 'Try again',
  back: 'Back',
  required: 'This field is required',
  fixErrors: 'Please correct the highlighted fields.',
  loadFailed: 'This portal could not be found. Check the portal name of the page.',
  'error.offline': 'You are offline. Check your connection and try again.',
  'error.network': 'We could not reach the server. Check your connection and try again.',
  'error.timeout': 'The server took too long to answer. Please try again.',
  'error.unauthorized': 'Please log in to continue.',
  'error.forbidden': 'You do not have access to this part of the portal.',
  'error.not-found': 'We could not find what you asked for.',
  'error.conflict': 'This conflicts with something that already exists.',
  'error.server': 'Something went wrong on our side. Please try again in a moment.',
  'session.expired': 'Your session has expired. Log in again to continue where you were.',
  'invalid.name': 'Enter your name',
  'invalid.email': 'Enter a valid e-mail address',
  'invalid.password': 'Use at least 8 characters',
  pickProcess: 'What would you like to do?',
  register: 'Create your account',
  registerSubmit: 'Create account and start',
  registrationClosed: 'Registration is closed on this portal: log in with your account.',
  haveAccount: 'Already have an account? Log in',
  noAccount: 'New here? Create an account',
  name: 'Full name',
  email: 'E-mail',
  password: 'Password',
  passwordRule: 'At least 8 characters.',
  login: 'Log in',
  loginSubmit: 'Log in',
  'forgot.link': 'Forgot your password?',
  'forgot.title': 'Reset your password',
  'forgot.intro':
    'Enter your e-mail: if it has an account, we will send you a link to choose a new password.',
  'forgot.submit': 'Send the link',
  'forgot.sent': 'If this e-mail has an account, a link to reset the password is on its way.',
  'reset.title': 'Choose a new password',
  'reset.submit': 'Save the password and log in',
  newPassword: 'New password',
  'invite.title': 'Accept your invitation',
  'invite.intro': 'Choose a password to activate your account.',
  'invite.name': 'Full name (optional)',
  'invite.submit': 'Activate my account',
}

/** A key of the first views' messages. */
export type BaseKey = keyof typeof en

/** A message key. */
export type MessageKey = BaseKey | keyof typeof import('./contact-en.js').enContact
