import { createLocalJWKSet, type JSONWebKeySet, type JWSHeaderParameters } from 'jose'
import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { findIdentitySettings, saveJwks } from '../data/identity.js'
import type { PortalRecord } from '../data/portals.js'
import type { Database } from '../db/types.js'
import { IdentityTokenError, type PortalKeys } from './identity-token.js'

/** Outgoing HTTP the JWKS is fetched with: the API's SSRF guard (`net-guard.ts`) in production. */
export interface JwksHttp {
  fetch(
    url: string,
    init: { signal: AbortSignal; headers: Record<string, string>; redirect: 'error' },
  ): Promise<{ ok: boolean; status: number; text(): Promise<string> }>
}

/** Options of {@link JwksKeys}. */
export interface JwksOptions {
  /** How long a fetched key set is used before it is fetched again. @default 10 minutes */
  cacheMs?: number
  /** A token naming an unknown key fetches the set again, at most this often. @default 30 seconds */
  refetchMs?: number
  /** How long one fetch may take. @default 5 seconds */
  timeoutMs?: number
}

/** The largest key set read, in bytes. */
const MAX_JWKS_BYTES = 64 * 1024

function parseKeySet(text: string): JSONWebKeySet | undefined {
  try {
    const value = JSON.parse(text) as { keys?: unknown }
    return Array.isArray(value?.keys) ? (value as JSONWebKeySet) : undefined
  } catch {
    return undefined
  }
}

/**
 * Each portal's JWKS: fetched through the guard, kept in the database (shared by every API
 * process) for `cacheMs`, and fetched again when a token names a key id the set lacks (a key
 * rollover at the host), at most once per `refetchMs`.
 */
export class JwksKeys {
  readonly #http: JwksHttp
  readonly #cacheMs: number
  readonly #refetchMs: number
  readonly #timeoutMs: number

  constructor(http: JwksHttp, options: JwksOptions = {}) {
    this.#http = http
    this.#cacheMs = options.cacheMs ?? 10 * 60 * 1000
    this.#refetchMs = options.refetchMs ?? 30 * 1000
    this.#timeoutMs = options.timeoutMs ?? 5000
  }

  async #fetch(db: Kysely<Database>, portalId: string, url: string): Promise<JSONWebKeySet> {
    let text: string
    try {
      const response = await this.#http.fetch(url, {
        signal: AbortSignal.timeout(this.#timeoutMs),
        headers: { accept: 'application/json' },
        redirect: 'error',
      })
      if (!response.ok) throw new Error(`status ${response.status}`)
      text = await response.text()
    } catch {
      throw new IdentityTokenError('identityKeys')
    }
    const set = text.length <= MAX_JWKS_BYTES ? parseKeySet(text) : undefined
    if (!set) throw new IdentityTokenError('identityKeys')
    await saveJwks(db, portalId, url, JSON.stringify(set), now())
    return set
  }

  /** The key finder of a portal's JWKS, or `undefined` when the portal has no JWKS URL. */
  async keyFor(db: Kysely<Database>, portal: Pick<PortalRecord, 'id'>): Promise<PortalKeys['publicKey']> {
    const settings = await findIdentitySettings(db, portal.id)
    const url = settings?.jwks_url
    if (!url) return undefined
    const fetchedAt = settings.jwks_fetched_at ? Date.parse(settings.jwks_fetched_at) : 0
    const cached = settings.jwks ? parseKeySet(settings.jwks) : undefined
    return async (header: JWSHeaderParameters) => {
      const fresh = cached && Date.now() - fetchedAt < this.#cacheMs
      const set = fresh ? cached : await this.#fetch(db, portal.id, url)
      try {
        return await createLocalJWKSet(set)(header)
      } catch (error) {
        const unknownKey = (error as { code?: string }).code === 'ERR_JWKS_NO_MATCHING_KEY'
        // A key the cached set lacks may be the host's new key: fetch once more, not on every token.
        if (!unknownKey || !fresh || Date.now() - fetchedAt < this.#refetchMs) throw error
        return createLocalJWKSet(await this.#fetch(db, portal.id, url))(header)
      }
    }
  }
}
