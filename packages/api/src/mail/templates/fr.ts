import { STATUS_WORDS } from '@portico/schema'
import { isApplicationStatus } from './status.js'
import type { MailCatalogue } from './types.js'

// The status words are the schema's, the widget's badges say the same; a sentence lower-cases them.
const status = (value: string | undefined) =>
  isApplicationStatus(value) ? STATUS_WORDS.fr[value].toLocaleLowerCase('fr') : (value ?? '')

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
      `${d.organisation ? `${d.organisation} vous invite` : 'Vous êtes invité'} sur le portail client${d.portal ? ` «\u202f${d.portal}\u202f»` : ''}. Choisissez un mot de passe pour activer votre compte.`,
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
    subject: `Votre demande «\u202f${d.process}\u202f» est désormais ${status(d.status)}`,
    paragraphs: [
      `Bonjour ${d.name},`,
      `Le statut de votre demande «\u202f${d.process}\u202f»${d.reference ? ` (${d.reference})` : ''} est passé à\u202f: ${status(d.status)}.`,
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
  'contact-activity': (d) => {
    const about = `«\u202f${d.process}\u202f»${d.reference ? ` (${d.reference})` : ''}`
    return {
      subject:
        d.activity === 'upload'
          ? `${d.contact} a déposé un fichier sur la demande ${about}`
          : `${d.contact} a écrit une note sur la demande ${about}`,
      paragraphs: [
        `Bonjour ${d.name},`,
        d.activity === 'upload'
          ? `${d.contact} a déposé ${d.filename ? `le fichier «\u202f${d.filename}\u202f»` : 'un fichier'} sur la demande ${about}.`
          : `${d.contact} a écrit une note sur la demande ${about}.`,
        ...(d.note ? [`«\u202f${d.note}\u202f»`] : []),
        d.assigned
          ? 'Vous recevez ce message parce que la demande vous est attribuée.'
          : 'Vous recevez ce message parce que la demande n’est encore attribuée à personne.',
      ],
      ...open(d.url, 'Ouvrir la demande'),
    }
  },
  'sign-in-code': (d) => ({
    subject: 'Votre code de connexion',
    paragraphs: [
      `Bonjour ${d.name},`,
      `Votre code pour vous connecter ${d.organisation ? `au portail client de ${d.organisation}` : 'au portail client'} est\u202f:`,
      d.code ?? '',
      'Il ne sert qu’une fois, pendant 10\u00a0minutes. Si vous ne l’avez pas demandé, ignorez ce message\u202f: personne ne peut se connecter sans ce code.',
    ],
  }),
  'sign-in-link': (d) => ({
    subject: 'Votre lien de connexion',
    paragraphs: [
      `Bonjour ${d.name},`,
      `Ouvrez le lien ci-dessous pour vous connecter ${d.organisation ? `au portail client de ${d.organisation}` : 'au portail client'}, puis confirmez sur la page.`,
      'Il ne sert qu’une fois, pendant 15\u00a0minutes. Si vous ne l’avez pas demandé, ignorez ce message.',
    ],
    action: { label: 'Se connecter', url: d.link ?? '' },
  }),
  'webhook-disabled': (d) => ({
    subject: `Point de terminaison de webhook désactivé\u202f: ${d.url}`,
    paragraphs: [
      `Bonjour ${d.name},`,
      `Tous les envois au point de terminaison de webhook ${d.url} échouent depuis le ${d.since}, soit ${d.days}\u00a0jours\u202f: Portico l’a désactivé et n’y envoie plus rien.`,
      'Ses envois en attente sont conservés. Réparez le récepteur, réactivez le point de terminaison dans la console (Webhooks), puis rejouez ce qu’il a manqué.',
    ],
    ...open(d.console, 'Ouvrir les webhooks'),
  }),
}
