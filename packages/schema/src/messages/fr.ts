// Le catalogue français. Typographie : espace fine insécable (U+202F) avant « : ; ? ! » et à
// l’intérieur des guillemets ; test/messages.test.ts le vérifie.
import type { fields as english, problems as englishProblems, serverFields as englishServer } from './en.js'

export const fields: typeof english = {
  required: 'Ce champ est obligatoire',
  text: 'Saisissez du texte',
  tooLong: (p) => `Utilisez au plus ${p.max} caractères`,
  email: 'Saisissez une adresse e-mail valide',
  phone: 'Saisissez un numéro de téléphone valide',
  date: 'Saisissez une date au format AAAA-MM-JJ',
  select: 'Choisissez une des options',
  checkbox: 'Cochez ou décochez cette case',
  object: 'Envoyez les données du formulaire sous forme d’objet',
  invalid: 'Cette valeur n’est pas valide',
}

export const serverFields: typeof englishServer = {
  tooShort: (p) => `Utilisez au moins ${p.min} caractères`,
  name: 'Saisissez votre nom',
  password: 'Saisissez votre mot de passe',
  note: 'Écrivez une note',
  tooMany: (p) => `Envoyez au plus ${p.max} champs`,
  linkIncomplete: 'Le lien est incomplet',
  linkExpired: 'Ce lien a déjà servi ou a expiré',
  chooseProcess: 'Choisissez une démarche',
  processNotOnPortal: 'Choisissez une des démarches de ce portail',
  accountExists: 'Un compte existe déjà avec cette adresse e-mail\u202f: connectez-vous',
  contactExists: 'Un contact existe déjà avec cette adresse e-mail',
  duplicate: (p) => `Vous avez déjà une demande pour «\u202f${p.process}\u202f»`,
  fileTooLarge: 'Ce fichier est trop volumineux',
  oneFile: 'Choisissez un fichier à envoyer',
  fileType: 'Ce type de fichier n’est pas accepté',
}

export const problems: typeof englishProblems = {
  validation: { title: 'Requête invalide', detail: 'Des champs manquent ou ne sont pas valides.' },
  'invalid-credentials': {
    title: 'E-mail ou mot de passe incorrect',
    detail: 'Vérifiez votre e-mail et votre mot de passe, puis réessayez.',
  },
  'account-exists': {
    title: 'Ce compte existe déjà',
    detail: 'Un compte existe déjà avec cette adresse e-mail\u202f: connectez-vous.',
  },
  'invalid-token': {
    title: 'Lien invalide ou expiré',
    detail: 'Ce lien a déjà servi ou a expiré\u202f: demandez-en un nouveau.',
  },
  'rate-limited': {
    title: 'Trop de tentatives',
    detail: (p) =>
      `Trop de tentatives\u202f: réessayez dans ${p.seconds < 120 ? `${p.seconds} seconde(s)` : `${Math.ceil(p.seconds / 60)} minute(s)`}.`,
  },
  'registration-closed': {
    title: 'Inscriptions fermées',
    detail: 'Ce portail n’accepte que les contacts qui ont déjà un compte.',
  },
  'portal-archived': {
    title: 'Portail fermé',
    detail: (p) =>
      `Le portail «\u202f${p.slug}\u202f» n’est plus ouvert. Contactez l’organisation qui le gère.`,
  },
  'portal-not-found': {
    title: 'Portail introuvable',
    detail: (p) => `Il n’y a pas de portail «\u202f${p.slug}\u202f».`,
  },
  'module-forbidden': {
    title: 'Module indisponible',
    detail: (p) => `Votre profil n’inclut pas le module «\u202f${p.module}\u202f» sur ce portail.`,
  },
  'duplicate-application': {
    title: 'Demande en double',
    detail: (p) =>
      `Vous avez déjà une demande pour «\u202f${p.process}\u202f»\u202f: ouvrez-la au lieu d’en commencer une nouvelle.`,
  },
  'new-applications-closed': {
    title: 'Nouvelles demandes impossibles',
    detail: 'Ce portail ne vous permet pas de commencer une autre demande. Ouvrez celle que vous avez déjà.',
  },
  unauthenticated: { title: 'Session expirée', detail: 'Reconnectez-vous.' },
  'file-too-large': { title: 'Fichier trop volumineux' },
  'unsupported-type': { title: 'Type de fichier refusé' },
}
