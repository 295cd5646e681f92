import { type Module, VISIBLE_FIELDS, type VisibleField } from '@portico/schema'
import { flag, parseJson } from './data/json.js'
import type { RequestSession } from './env.js'
import { contactProblem } from './errors.js'

/** What a contact without a profile may open. */
export const DEFAULT_MODULES: readonly Module[] = ['applications', 'contracts']

/** What the session's contact may see: the profile's modules within the portal's, and visible fields. */
export interface Access {
  modules: Module[]
  sameCompanyVisibility: boolean
  visibleFields: VisibleField[]
  isCompanyAdmin: boolean
}

/** Works out the access of a session from its profile and portal. */
export function accessOf(session: RequestSession): Access {
  const portalModules = parseJson<Module[]>(session.portalModules, [])
  const profileModules =
    session.profileModules === null ? [...DEFAULT_MODULES] : parseJson<Module[]>(session.profileModules, [])
  return {
    modules: profileModules.filter((m) => portalModules.includes(m)),
    sameCompanyVisibility: session.companyId !== null && flag(session.sameCompanyVisibility),
    visibleFields:
      session.visibleFields === null
        ? [...VISIBLE_FIELDS]
        : parseJson<VisibleField[]>(session.visibleFields, []),
    isCompanyAdmin: flag(session.isCompanyAdmin),
  }
}

/** Throws a 403 problem unless the session's profile and portal enable a module. */
export function requireModule(session: RequestSession, module: Module): Access {
  const access = accessOf(session)
  if (!access.modules.includes(module)) {
    throw contactProblem(403, 'module-forbidden', { params: { module } })
  }
  return access
}

/** Keeps only the visible fields of one kind (`contact` or `company`) of a record. */
export function visibleFields(
  access: Access,
  kind: 'contact' | 'company',
  record: Record<string, string | null>,
): Record<string, string | null> {
  const out: Record<string, string | null> = {}
  for (const field of access.visibleFields) {
    const [k, name] = field.split('.') as [string, string]
    if (k === kind && name in record) out[name] = record[name] ?? null
  }
  return out
}
