import type { Locale, Module, PortalInput, SignInMethod } from '@portico/schema'
import type { Portal } from '../api/endpoints.js'
import { splitList } from './embed.js'
import { type NameDraft, nameDraft, nameInput } from './names.js'

/** A portal's settings as the form edits them: lists as text, every option present. */
export interface PortalDraft {
  name: NameDraft
  slug: string
  processes: { process: string; allowDuplicates: boolean }[]
  multiProcess: boolean
  registrationOpen: boolean
  allowNewApplications: boolean
  tags: string
  allowedOrigins: string
  accent: string
  logoUrl: string
  /** Empty in English: the widget shows the portal's name. */
  title: NameDraft
  defaultLocale: Locale
  modules: Module[]
  defaultProfileId: string
  publicUrl: string
  signInMethods: SignInMethod[]
  passkeyRpId: string
}

/** The draft of a new portal. */
export function emptyDraft(): PortalDraft {
  return {
    name: { en: '', fr: '' },
    slug: '',
    processes: [],
    multiProcess: false,
    registrationOpen: true,
    allowNewApplications: true,
    tags: '',
    allowedOrigins: '',
    accent: '',
    logoUrl: '',
    title: { en: '', fr: '' },
    defaultLocale: 'en',
    modules: ['applications', 'contracts', 'company'],
    defaultProfileId: '',
    publicUrl: '',
    signInMethods: ['password'],
    passkeyRpId: '',
  }
}

/** The draft of an existing portal. */
export function draftOf(portal: Portal): PortalDraft {
  return {
    name: nameDraft(portal.name),
    slug: portal.slug,
    processes: portal.processes.map((p) => ({ process: p.id, allowDuplicates: p.allowDuplicates })),
    multiProcess: portal.multiProcess,
    registrationOpen: portal.registrationOpen,
    allowNewApplications: portal.allowNewApplications,
    tags: portal.tags.join(', '),
    allowedOrigins: portal.allowedOrigins.join('\n'),
    accent: portal.theme.accent ?? '',
    logoUrl: portal.theme.logoUrl ?? '',
    title: nameDraft(portal.theme.title),
    defaultLocale: portal.defaultLocale,
    modules: portal.modules,
    defaultProfileId: portal.defaultProfileId ?? '',
    publicUrl: portal.publicUrl ?? '',
    signInMethods: portal.signInMethods,
    passkeyRpId: portal.passkeyRpId ?? '',
  }
}

/** The body the API takes for a draft. */
export function inputOf(draft: PortalDraft): PortalInput {
  return {
    name: nameInput(draft.name),
    slug: draft.slug,
    processes: draft.processes,
    // Several processes mean the contact picks one.
    multiProcess: draft.multiProcess || draft.processes.length > 1,
    registrationOpen: draft.registrationOpen,
    allowNewApplications: draft.allowNewApplications,
    tags: splitList(draft.tags),
    allowedOrigins: splitList(draft.allowedOrigins),
    theme: {
      accent: draft.accent || null,
      logoUrl: draft.logoUrl || null,
      title: draft.title.en.trim() ? nameInput(draft.title) : null,
    },
    defaultLocale: draft.defaultLocale,
    modules: draft.modules,
    defaultProfileId: draft.defaultProfileId || null,
    publicUrl: draft.publicUrl || null,
    signInMethods: draft.signInMethods,
    passkeyRpId: draft.passkeyRpId.trim().toLowerCase() || null,
  }
}

/**
 * Turns the API's field names (`allowedOrigins.1`, `theme.accent`, `name.fr`) into the form's;
 * the French half of a name is `nameFr` or `titleFr`.
 */
export function draftField(apiField: string): keyof PortalDraft | 'nameFr' | 'titleFr' | string {
  const field = apiField.startsWith('theme.') ? apiField.slice('theme.'.length) : apiField
  const [first = field, second] = field.split('.')
  return (first === 'name' || first === 'title') && second === 'fr' ? `${first}Fr` : first
}
