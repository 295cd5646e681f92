import type { ApiKeyView } from '@portico/schema'
import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import type { ApiKeyTable } from '../db/domain-types.js'
import type { Database } from '../db/types.js'
import { flag } from './json.js'
import { keysetAfter, type Page, type PageRequest, pageOf } from './page.js'

/** `last_used_at` is written at most this often per key, so scripts do not write on every call. */
const TOUCH_EVERY_MS = 60 * 1000

/** An API key as lists show it: never the secret or its hash. */
export function apiKeyView(row: ApiKeyTable): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix ?? 'pk_',
    readOnly: flag(row.read_only),
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  }
}

/** Records that a key was just used (at most once a minute). */
export async function touchApiKey(
  db: Kysely<Database>,
  id: string,
  lastUsedAt: string | null,
): Promise<void> {
  const at = Date.now()
  if (lastUsedAt && Date.parse(lastUsedAt) > at - TOUCH_EVERY_MS) return
  await db
    .updateTable('api_keys')
    .set({ last_used_at: new Date(at).toISOString() })
    .where('id', '=', id)
    .execute()
}

/** One page of an organisation's API keys, newest first, revoked ones included. */
export async function listApiKeyPage(
  db: Kysely<Database>,
  organisationId: string,
  page: PageRequest,
): Promise<Page<ApiKeyView>> {
  let q = db.selectFrom('api_keys').selectAll().where('organisation_id', '=', organisationId)
  if (page.after) q = q.where(keysetAfter(['created_at', 'id'], page.after, 'desc'))
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute()
  return pageOf(rows, page, 'recent', (r) => [r.created_at, r.id], apiKeyView)
}

/** Revokes a key of an organisation (a second revocation keeps the first time); `undefined` when not found. */
export async function revokeApiKeyRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<ApiKeyTable | undefined> {
  await db
    .updateTable('api_keys')
    .set({ revoked_at: now() })
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .where('revoked_at', 'is', null)
    .execute()
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
}

/** One API key by id, in any organisation (the CLI revokes by id), or `undefined`. */
export function findApiKeyById(db: Kysely<Database>, id: string): Promise<ApiKeyTable | undefined> {
  return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst()
}
