import { createHash } from 'node:crypto'
import { contactName, type PortalConfig } from '@portico/schema'
import type { Kysely } from 'kysely'
import { findPortalById, type PortalRecord, portalHead } from '../data/portals.js'
import type { Database } from '../db/types.js'
import type { SerializedJson } from '../serialized.js'

/** A portal as the public endpoints serve it, with its config answer and that answer's ETag. */
export interface CachedPortal {
  portal: PortalRecord
  config: PortalConfig
  etag: string
  version: number
  /**
   * The config answer with this instance's upload limits, serialised on the first request that
   * needs it and reused until the portal changes (a change makes a new entry).
   */
  answer?: SerializedJson<PortalConfig & { uploads: { maxBytes: number; allowedTypes: string[] } }>
}

/** The public configuration a widget reads: the portal without staff-only fields. */
function configOf(portal: PortalRecord): PortalConfig {
  return {
    slug: portal.slug,
    name: contactName(portal.name),
    processes: portal.processes.map(({ id, slug, name, form, allowDuplicates }) => ({
      id,
      slug,
      name: contactName(name),
      form,
      allowDuplicates,
    })),
    multiProcess: portal.multiProcess,
    registrationOpen: portal.registrationOpen,
    allowNewApplications: portal.allowNewApplications,
    theme: { ...portal.theme, title: portal.theme.title && contactName(portal.theme.title) },
    defaultLocale: portal.defaultLocale,
    modules: portal.modules,
    signInMethods: portal.signInMethods,
    passkeyRpId: portal.passkeyRpId,
  }
}

const MAX_ENTRIES = 1000

/**
 * Portals by slug, kept in memory and checked against the database on every use with one small
 * statement (the organisation's config version, bumped in the same transaction as every staff
 * change), so an edit made through any instance is served at once by all of them. One lookup per
 * request: the CORS check, the handler and `portalOf` share it.
 */
export class PortalCache {
  readonly #entries = new Map<string, CachedPortal>()
  readonly #perRequest = new WeakMap<object, Map<string, Promise<CachedPortal | undefined>>>()

  /** The current portal of a slug, or `undefined`; `request` scopes the lookup to one request. */
  get(db: Kysely<Database>, slug: string, request: object): Promise<CachedPortal | undefined> {
    let memo = this.#perRequest.get(request)
    if (!memo) {
      memo = new Map()
      this.#perRequest.set(request, memo)
    }
    let found = memo.get(slug)
    if (!found) {
      found = this.#load(db, slug)
      memo.set(slug, found)
    }
    return found
  }

  async #load(db: Kysely<Database>, slug: string): Promise<CachedPortal | undefined> {
    const head = await portalHead(db, slug)
    const cached = this.#entries.get(slug)
    if (!head) {
      this.#entries.delete(slug)
      return undefined
    }
    const version = Number(head.config_version)
    if (cached && cached.portal.id === head.id && cached.version === version) return cached
    const portal = await findPortalById(db, head.id)
    if (!portal) return undefined
    const config = configOf(portal)
    const hash = createHash('sha256').update(JSON.stringify(config)).digest('base64url').slice(0, 22)
    const entry: CachedPortal = { portal, config, etag: `"${hash}"`, version }
    this.#entries.delete(slug)
    this.#entries.set(slug, entry)
    if (this.#entries.size > MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value
      if (oldest !== undefined) this.#entries.delete(oldest)
    }
    return entry
  }
}
