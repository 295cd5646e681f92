import type { MailCatalogue } from './types.js'

const STATUS: Record<string, string> = {
  draft: 'brouillon',
  submitted: 'soumise',
  in_review: 'en cours d’examen',
  approved: 'acceptée',
  rejected: 'refusée',
  closed: 'clôturée',
}

const ROLE_FR: Record<string, string> = {
  owner: 'propriétaire',
  admin: 'administrateur',
  agent: 'agent',
  viewer: 'lecteur',
}

const open = (url: string | undefined, label: string) => (url ? { action: { label, url } } : {})

/** French mail templates. */
export const fr: MailCatalogue = {
  invitation: (d) => ({
    subject: d.organisation
      ? `${d.organisation} vous invite sur son portail client`
      : 'Vous êtes invité sur le portail client',
    paragraphs: [
      `Bonjour ${d.name},`,
      `${d.organisation ? `${d.organisation} vous invite` : 'Vous êtes invité'} sur le portail client. Choisissez un mot de passe pour activer votre compte.`,
      'Ce lien ne sert qu’une fois et expire bientôt. Si vous n’attendiez pas cette invitation, ignorez ce message.',
    ],
    action: { label: 'Accepter l’invitation', url: d.link ?? '' },
  }),
  'password-reset': (d) => ({
    subject: 'Réinitialisez votre mot de passe',
    paragraphs: [
      `Bonjour ${d.name},`,
      'Une réinitialisation du mot de passe de votre compte du portail client a été demandée. Choisissez un nouveau mot de passe avec le lien ci-dessous.',
      'Ce lien ne sert qu’une fois et expire bientôt. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message\u202f: votre mot de passe reste inchangé.',
    ],
    action: { label: 'Choisir un nouveau mot de passe', url: d.link ?? '' },
  }),
  'contract-shared': (d) => ({
    subject: `Contrat partagé avec vous\u202f: ${d.title}`,
    paragraphs: [
      `Bonjour ${d.name},`,
      d.role === 'watcher'
        ? `Vous avez été ajouté comme observateur du contrat «\u202f${d.title}\u202f»${d.reference ? ` (${d.reference})` : ''}${d.requester ? ` demandé par ${d.requester}` : ''}.`
        : `Le contrat «\u202f${d.title}\u202f»${d.reference ? ` (${d.reference})` : ''} a été partagé avec vous en tant que demandeur.`,
      'Vous pouvez le consulter sur la page Contrats de votre portail client.',
    ],
    ...open(d.link, 'Ouvrir le contrat'),
  }),
  'status-changed': (d) => ({
    subject: `Votre demande «\u202f${d.process}\u202f» est désormais ${STATUS[d.status ?? ''] ?? d.status}`,
    paragraphs: [
      `Bonjour ${d.name},`,
      `Le statut de votre demande «\u202f${d.process}\u202f»${d.reference ? ` (${d.reference})` : ''} est passé à\u202f: ${STATUS[d.status ?? ''] ?? d.status}.`,
      ...(d.message ? [`Message de ${d.author ?? 'notre équipe'}\u202f:`, `«\u202f${d.message}\u202f»`] : []),
    ],
    ...open(d.link, 'Voir la demande'),
  }),
  'staff-note': (d) => ({
    subject: `Nouvelle note sur votre demande «\u202f${d.process}\u202f»`,
    paragraphs: [
      `Bonjour ${d.name},`,
      `${d.author ?? 'Notre équipe'} a ajouté une note à votre demande «\u202f${d.process}\u202f».`,
      ...(d.note ? [`«\u202f${d.note}\u202f»`] : []),
    ],
    ...open(d.link, 'Lire la note'),
  }),
  'staff-invitation': (d) => ({
    subject: d.organisation
      ? `Rejoignez ${d.organisation} sur Portico`
      : 'Vous êtes invité sur une console Portico',
    paragraphs: [
      d.name ? `Bonjour ${d.name},` : 'Bonjour,',
      `${d.inviter ?? 'Un collègue'} vous invite sur la console de ${d.organisation ?? 'son organisation'} en tant que ${ROLE_FR[d.role ?? ''] ?? d.role}. Choisissez votre nom et un mot de passe pour vous connecter.`,
      'Ce lien ne sert qu’une fois et expire dans 7 jours. Si vous n’attendiez pas cette invitation, ignorez ce message.',
    ],
    action: { label: 'Accepter l’invitation', url: d.link ?? '' },
  }),
  'staff-password-reset': (d) => ({
    subject: 'Réinitialisez votre mot de passe de la console Portico',
    paragraphs: [
      `Bonjour ${d.name},`,
      'Quelqu’un a demandé à réinitialiser le mot de passe de votre compte de la console. Choisissez un nouveau mot de passe avec le lien ci-dessous.',
      'Ce lien ne sert qu’une fois et expire dans une heure. Si vous ne l’avez pas demandé, ignorez ce message\u202f: votre mot de passe reste le même.',
    ],
    action: { label: 'Choisir un nouveau mot de passe', url: d.link ?? '' },
  }),
}
