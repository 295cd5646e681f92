import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { hashSecret, newId, newSecret } from '../crypto.js'
import type { ApiKeyTable } from '../db/domain-types.js'
import type { Database } from '../db/types.js'

/**
 * The prefix of an organisation's application references: the first word of its name, letters
 * and digits, upper case, at most 6 characters.
 * @example referencePrefix('Acme Bank') // 'ACME'
 */
export function referencePrefix(name: string): string {
  const word = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ]/g, '')
    .trim()
    .split(/\s+/)[0]
  return (word ?? '').slice(0, 6).toUpperCase() || 'APP'
}

/** Creates an organisation and returns its id. */
export async function createOrganisation(db: Kysely<Database>, name: string): Promise<string> {
  const id = newId()
  await db
    .insertInto('organisations')
    .values({
      id,
      name,
      created_at: now(),
      reference_prefix: referencePrefix(name),
      next_reference: 1,
      config_version: 1,
      require_two_factor: 0,
    })
    .execute()
  return id
}

/**
 * Takes the organisation's next application reference, e.g. `ACME-000124`, in one statement so
 * concurrent starts never share a number (the row stays locked until the caller's transaction ends).
 */
export async function allocateReference(db: Kysely<Database>, organisationId: string): Promise<string> {
  const row = await db
    .updateTable('organisations')
    .set((eb) => ({ next_reference: eb('next_reference', '+', 1) }))
    .where('id', '=', organisationId)
    .returning(['next_reference', 'reference_prefix', 'name'])
    .executeTakeFirstOrThrow()
  const prefix = row.reference_prefix ?? referencePrefix(row.name)
  return `${prefix}-${String(Number(row.next_reference) - 1).padStart(6, '0')}`
}

/** How many characters of a key lists show, `pk_` included. */
export const API_KEY_PREFIX_LENGTH = 10

/**
 * Creates an API key for an organisation: the key is returned once, only its hash (and its first
 * characters, to recognise it in lists) is kept.
 */
export async function createApiKey(
  db: Kysely<Database>,
  organisationId: string,
  name = 'admin',
  options: { readOnly?: boolean; createdBy?: string | null } = {},
): Promise<{ id: string; key: string; row: ApiKeyTable }> {
  const key = newSecret('pk_')
  const row: ApiKeyTable = {
    id: newId(),
    organisation_id: organisationId,
    key_hash: hashSecret(key),
    name,
    created_at: now(),
    read_only: options.readOnly ? 1 : 0,
    prefix: key.slice(0, API_KEY_PREFIX_LENGTH),
    last_used_at: null,
    revoked_at: null,
    created_by: options.createdBy ?? null,
  }
  await db.insertInto('api_keys').values(row).execute()
  return { id: row.id, key, row }
}

/** The live (not revoked) API key a secret opens, with its organisation, or `undefined`. */
export function findApiKey(db: Kysely<Database>, key: string) {
  return db
    .selectFrom('api_keys as k')
    .innerJoin('organisations as o', 'o.id', 'k.organisation_id')
    .select([
      'k.id as keyId',
      'k.name',
      'k.read_only as readOnly',
      'k.last_used_at as lastUsedAt',
      'o.id as organisationId',
      'o.name as organisationName',
    ])
    .where('k.key_hash', '=', hashSecret(key))
    .where('k.revoked_at', 'is', null)
    .executeTakeFirst()
}

/** The name of an organisation (for mails). */
export async function organisationName(db: Kysely<Database>, id: string): Promise<string> {
  const row = await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst()
  return row?.name ?? ''
}

/**
 * Marks the organisation's portal configuration as changed, in the caller's transaction: every
 * instance's cache sees the new version on its next read.
 */
export async function bumpConfigVersion(db: Kysely<Database>, organisationId: string): Promise<void> {
  await db
    .updateTable('organisations')
    .set((eb) => ({ config_version: eb('config_version', '+', 1) }))
    .where('id', '=', organisationId)
    .execute()
}

/** An organisation's settings row. */
export function findOrganisation(db: Kysely<Database>, id: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Changes an organisation's name or two-factor requirement. */
export async function updateOrganisationRow(
  db: Kysely<Database>,
  id: string,
  changes: { name?: string; require_two_factor?: number },
): Promise<void> {
  if (Object.keys(changes).length === 0) return
  await db.updateTable('organisations').set(changes).where('id', '=', id).execute()
}

/** Every organisation, oldest first (for the CLI). */
export function listOrganisations(db: Kysely<Database>) {
  return db.selectFrom('organisations').select(['id', 'name', 'created_at']).orderBy('created_at').execute()
}
