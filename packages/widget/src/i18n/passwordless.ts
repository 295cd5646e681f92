// The words of sign-in by e-mailed code, link and passkey: they load with those views (a lazy
// chunk), in both languages, so the first view carries none of them.

/** English. */
export const pwlEn = {
  other: 'Or, without a password:',
  codeButton: 'E-mail me a code',
  linkButton: 'E-mail me a sign-in link',
  codeTitle: 'Sign in with a code',
  codeIntro: 'We will e-mail you a 6-digit code.',
  codeSend: 'Send me a code',
  codeSent: 'If {email} has an account, a 6-digit code is on its way. It works for 10 minutes.',
  codeLabel: 'Code from the e-mail',
  codeInvalid: 'Enter the 6 digits of the code',
  codeAgain: 'Send a new code',
  wait: 'You can ask for a new one in {seconds}\u00a0s.',
  otherEmail: 'Use another e-mail',
  otherWays: 'Other ways to sign in',
  linkTitle: 'Sign in with a link',
  linkIntro: 'We will e-mail you a link that signs you in.',
  linkSend: 'Send me the link',
  linkSent:
    'If {email} has an account, a sign-in link is on its way. Open it in this browser within 15 minutes.',
  linkAgain: 'Send a new link',
  continueIntro: 'This link signs you in as {name} ({email}).',
  continueAs: 'Continue as {name}',
  newLink: 'E-mail me a new link',
  passkey: 'Sign in with a passkey',
  passkeyCancelled: 'Passkey sign-in was cancelled.',
}

/** The keys of these words. */
export type PwlKey = keyof typeof pwlEn

/** French (U+202F, the narrow no-break space, before : ; ! ? and between a number and its unit). */
export const pwlFr: Record<PwlKey, string> = {
  other: 'Ou, sans mot de passe\u202f:',
  codeButton: 'Recevoir un code par e-mail',
  linkButton: 'Recevoir un lien de connexion par e-mail',
  codeTitle: 'Se connecter avec un code',
  codeIntro: 'Nous vous enverrons un code à 6\u202fchiffres par e-mail.',
  codeSend: 'Envoyer le code',
  codeSent:
    'Si {email} correspond à un compte, un code à 6\u202fchiffres est en route. Il est valable 10\u202fminutes.',
  codeLabel: 'Code reçu par e-mail',
  codeInvalid: 'Saisissez les 6\u202fchiffres du code',
  codeAgain: 'Envoyer un nouveau code',
  wait: 'Vous pourrez en demander un nouveau dans {seconds}\u202fs.',
  otherEmail: 'Utiliser une autre adresse e-mail',
  otherWays: 'Autres façons de se connecter',
  linkTitle: 'Se connecter avec un lien',
  linkIntro: 'Nous vous enverrons par e-mail un lien qui vous connecte.',
  linkSend: 'Envoyer le lien',
  linkSent:
    'Si {email} correspond à un compte, un lien de connexion est en route. Ouvrez-le dans ce navigateur dans les 15\u202fminutes.',
  linkAgain: 'Envoyer un nouveau lien',
  continueIntro: 'Ce lien vous connecte en tant que {name} ({email}).',
  continueAs: 'Continuer en tant que {name}',
  newLink: 'Recevoir un nouveau lien par e-mail',
  passkey: 'Se connecter avec une clé d’accès',
  passkeyCancelled: 'La connexion par clé d’accès a été annulée.',
}
