// Le catalogue français. Typographie : espace fine insécable (U+202F) avant « : ; ? ! » et à
// l’intérieur des guillemets ; test/messages.test.ts le vérifie.
import type {
  fields as english,
  notices as englishNotices,
  problems as englishProblems,
  serverFields as englishServer,
  statuses as englishStatuses,
} from './en.js'

const METHOD_FR: Record<string, string> = {
  password: 'mot de passe',
  code: 'code reçu par e-mail',
  link: 'lien reçu par e-mail',
  passkey: 'clé d’accès',
}

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
  signInCode: 'Saisissez le code à 6 chiffres reçu par e-mail',
  codeWrong: 'Ce code est incorrect ou a expiré',
  identityMalformed: 'Ce n’est pas un JWT signé',
  identityAlgorithm:
    'Cet algorithme de signature n’est pas accepté\u202f: utilisez HS256 avec un secret du portail, ou RS256 ou EdDSA avec le JWKS',
  identitySignature: 'La signature ne correspond à aucune clé de ce portail',
  identityExpired: 'Le jeton a expiré',
  identityLifetime: 'Le jeton vit plus de 10 minutes',
  identityAudience: 'Le jeton a été émis pour un autre portail (aud doit être l’identifiant du portail)',
  identityClaims: 'Le jeton doit porter les claims sub, jti (textes) et exp (nombre)',
  identityReplayed: 'Le jeton a déjà servi',
  identityKeys: 'Les clés publiées à l’URL JWKS du portail sont illisibles',
  identityEmail: 'Le jeton doit porter un claim email la première fois que cette personne se connecte',
  webhookUrl: 'Utilisez une URL http:// ou https://',
  eventType: 'Choisissez des types d’événements du catalogue',
  urlPrivate: (p) =>
    `Cette URL mène à ${p.address}, une adresse locale, privée ou de lien local\u202f: utilisez une adresse publique`,
  urlUnresolved: 'Ce nom d’hôte n’a pas d’adresse\u202f: vérifiez l’URL',
  urlCredentials:
    'Ne mettez ni identifiant ni mot de passe dans l’URL\u202f: la signature prouve l’expéditeur',
  expiryPast: 'Choisissez une date à venir',
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
  'invalid-code': {
    title: 'Code incorrect ou expiré',
    detail:
      'Ce code est incorrect, a déjà servi ou a expiré\u202f: vérifiez l’e-mail ou demandez un nouveau code.',
  },
  'sign-in-method-off': {
    title: 'Méthode de connexion non proposée',
    detail: (p) => `Ce portail ne propose pas la connexion par ${METHOD_FR[p.method] ?? p.method}.`,
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
  'identity-refused': {
    title: 'Connexion depuis le site refusée',
    detail:
      'Le site n’a pas pu vous connecter ici\u202f: connectez-vous plutôt avec votre e-mail et votre mot de passe.',
  },
  'identity-contact-inactive': {
    title: 'Compte inactif',
    detail:
      'Ce compte est désactivé ou pas encore activé\u202f: contactez l’organisation qui gère le portail.',
  },
  'passkey-unavailable': {
    title: 'Clés d’accès indisponibles ici',
    detail: (p) =>
      p.host
        ? `Les clés d’accès de ce portail ne fonctionnent pas sur ${p.host}\u202f: ouvrez le portail sur son propre site, ou demandez à son propriétaire de vérifier le domaine des clés d’accès.`
        : 'Les clés d’accès ne fonctionnent que depuis la page du portail, dans un navigateur.',
  },
  'passkey-expired': {
    title: 'Demande de clé d’accès expirée',
    detail: 'Cette demande de clé d’accès a déjà servi ou a expiré\u202f: réessayez.',
  },
  'passkey-refused': {
    title: 'Clé d’accès refusée',
    detail:
      'La réponse de la clé d’accès n’a pas pu être vérifiée\u202f: réessayez, ou connectez-vous autrement.',
  },
  'passkey-unknown': {
    title: 'Clé d’accès inconnue',
    detail:
      'Cette clé d’accès n’est pas enregistrée pour ce portail (elle a peut-être été supprimée)\u202f: connectez-vous autrement.',
  },
  'passkey-exists': {
    title: 'Clé d’accès déjà ajoutée',
    detail: 'Cette clé d’accès est déjà ajoutée à un compte.',
  },
  'file-too-large': { title: 'Fichier trop volumineux' },
  'unsupported-type': { title: 'Type de fichier refusé' },
}

/** Ce que dit une réponse réussie au contact, quand elle en dit plus que son statut. */
export const notices: typeof englishNotices = {
  signInCodeSent: 'Si cet e-mail a un compte, un code de connexion vient de lui être envoyé.',
  signInLinkSent: 'Si cet e-mail a un compte, un lien de connexion vient de lui être envoyé.',
}

/** Le mot de chaque statut de demande, le même dans le widget, les e-mails et la console. */
export const statuses: typeof englishStatuses = {
  draft: 'Brouillon',
  submitted: 'Envoyée',
  in_review: 'En cours d’examen',
  approved: 'Acceptée',
  rejected: 'Refusée',
  closed: 'Clôturée',
}
