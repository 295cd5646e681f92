import type { Locale, Module, PortalInput } from '@portico/schema'
import type { Portal } from '../api/endpoints.js'
import { splitList } from './embed.js'

/** A portal's settings as the form edits them: lists as text, every option present. */
export interface PortalDraft {
  name: string
  slug: string
  processes: { process: string; allowDuplicates: boolean }[]
  multiProcess: boolean
  registrationOpen: boolean
  allowNewApplications: boolean
  tags: string
  allowedOrigins: string
  accent: string
  logoUrl: string
  title: string
  defaultLocale: Locale
  modules: Module[]
  defaultProfileId: string
  publicUrl: string
}

/** The draft of a new portal. */
export function emptyDraft(): PortalDraft {
  return {
    name: '',
    slug: '',
    processes: [],
    multiProcess: false,
    registrationOpen: true,
    allowNewApplications: true,
    tags: '',
    allowedOrigins: '',
    accent: '',
    logoUrl: '',
    title: '',
    defaultLocale: 'en',
    modules: ['applications', 'contracts', 'company'],
    defaultProfileId: '',
    publicUrl: '',
  }
}

/** The draft of an existing portal. */
export function draftOf(portal: Portal): PortalDraft {
  return {
    name: portal.name,
    slug: portal.slug,
    processes: portal.processes.map((p) => ({ process: p.id, allowDuplicates: p.allowDuplicates })),
    multiProcess: portal.multiProcess,
    registrationOpen: portal.registrationOpen,
    allowNewApplications: portal.allowNewApplications,
    tags: portal.tags.join(', '),
    allowedOrigins: portal.allowedOrigins.join('\n'),
    accent: portal.theme.accent ?? '',
    logoUrl: portal.theme.logoUrl ?? '',
    title: portal.theme.title ?? '',
    defaultLocale: portal.defaultLocale,
    modules: portal.modules,
    defaultProfileId: portal.defaultProfileId ?? '',
    publicUrl: portal.publicUrl ?? '',
  }
}

/** The body the API takes for a draft. */
export function inputOf(draft: PortalDraft): PortalInput {
  return {
    name: draft.name,
    slug: draft.slug,
    processes: draft.processes,
    // Several processes mean the contact picks one.
    multiProcess: draft.multiProcess || draft.processes.length > 1,
    registrationOpen: draft.registrationOpen,
    allowNewApplications: draft.allowNewApplications,
    tags: splitList(draft.tags),
    allowedOrigins: splitList(draft.allowedOrigins),
    theme: { accent: draft.accent || null, logoUrl: draft.logoUrl || null, title: draft.title || null },
    defaultLocale: draft.defaultLocale,
    modules: draft.modules,
    defaultProfileId: draft.defaultProfileId || null,
    publicUrl: draft.publicUrl || null,
  }
}

/** Turns the API's field names (`allowedOrigins.1`, `theme.accent`) into the form's. */
export function draftField(apiField: string): keyof PortalDraft | string {
  if (apiField.startsWith('theme.')) return apiField.slice('theme.'.length)
  return apiField.split('.')[0] ?? apiField
}
