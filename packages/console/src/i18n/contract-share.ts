import type { Locale } from '@portico/schema'
import { tIn } from './index.js'

// The contract share's texts live in the contract views' chunk: the entry, which carries the main
// catalogues in both languages, has no room left under its budget.

const en = {
  title: 'Share',
  open: 'Shared, with no end date.',
  until: 'Shared until {date}.',
  expired:
    'Expired on {date}: the requester and watchers no longer see it. Choose a new end date to share it again.',
  revoked: 'Revoked on {date}.',
  revokedBy: 'Revoked on {date} by {name}.',
  revokedByKey: 'Revoked on {date} with an API key.',
  expiresAt: 'Shared until',
  expiresAtHint:
    'The share ends at the end of this day. Leave it empty for a share that lasts until revoked.',
  save: 'Save the end date',
  revoke: 'Revoke the share',
  revokeQuestion: 'Revoke this share? The requester and watchers lose access at once.',
  confirmRevoke: 'Revoke',
  restore: 'Restore the share',
}

/** The contract share's texts, in every language of the console. */
export const SHARE_TEXT: Record<Locale, typeof en> = {
  en,
  fr: {
    title: 'Partage',
    open: 'Partagé, sans date de fin.',
    until: 'Partagé jusqu’au {date}.',
    expired:
      'Expiré le {date}\u202f: le demandeur et les observateurs ne le voient plus. Choisissez une nouvelle date de fin pour le partager à nouveau.',
    revoked: 'Révoqué le {date}.',
    revokedBy: 'Révoqué le {date} par {name}.',
    revokedByKey: 'Révoqué le {date} avec une clé d’API.',
    expiresAt: 'Partagé jusqu’au',
    expiresAtHint:
      'Le partage prend fin à la fin de ce jour. Laissez vide pour un partage qui dure jusqu’à sa révocation.',
    save: 'Enregistrer la date de fin',
    revoke: 'Révoquer le partage',
    revokeQuestion: 'Révoquer ce partage\u202f? Le demandeur et les observateurs perdent l’accès aussitôt.',
    confirmRevoke: 'Révoquer',
    restore: 'Rétablir le partage',
  },
}

/** A text of the contract share in the console's current language. */
export function ts(key: keyof typeof en, values?: Record<string, string>): string {
  return tIn(SHARE_TEXT, key, values)
}
