import type { Locale } from '@portico/schema'
import { tIn } from './index.js'

// The portal's Sign-in tab keeps its texts in its own chunk: the entry, which carries the main
// catalogues in both languages, has no room left under its budget.

const en = {
  secrets: 'Signing secrets',
  scope:
    'Whoever holds a secret can sign in any contact of this organisation through this portal, within its rules (never staff). Keep it on your server.',
  docs: 'How to sign tokens',
  until: 'works until {date}',
  none: 'No secret yet.',
  create: 'Create a secret',
  once: 'Copy this secret now: you will not see it again.',
  rotate: 'Rotate',
  rotateQuestion: 'Create the next secret? {prefix}… keeps working for 24 hours.',
  revokeQuestion: 'Revoke {prefix}…? Tokens signed with it are refused at once.',
  jwksUrl: 'JWKS URL',
  jwksHint: 'Where your site publishes its public keys (RS256, EdDSA).',
}

/** The Sign-in tab's texts, in every language of the console. */
export const IDENTITY_TEXT: Record<Locale, typeof en> = {
  en,
  fr: {
    secrets: 'Secrets de signature',
    scope:
      'Qui détient un secret peut connecter tout contact de cette organisation par ce portail, selon ses règles (jamais l’équipe). Gardez-le sur votre serveur.',
    docs: 'Signer les jetons',
    until: 'actif jusqu’au {date}',
    none: 'Aucun secret pour l’instant.',
    create: 'Créer un secret',
    once: 'Copiez ce secret maintenant\u202f: vous ne le reverrez plus.',
    rotate: 'Renouveler',
    rotateQuestion: 'Créer le secret suivant\u202f? {prefix}… reste actif 24\u00a0heures.',
    revokeQuestion: 'Révoquer {prefix}…\u202f? Les jetons signés avec lui sont refusés aussitôt.',
    jwksUrl: 'URL JWKS',
    jwksHint: 'Où votre site publie ses clés publiques (RS256, EdDSA).',
  },
}

/** A text of the Sign-in tab in the console's current language. */
export function ti(key: keyof typeof en, values?: Record<string, string>): string {
  return tIn(IDENTITY_TEXT, key, values)
}
