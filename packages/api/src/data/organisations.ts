import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { hashSecret, newId, newSecret } from '../crypto.js'
import type { Database } from '../db/types.js'

/** Creates an organisation and returns its id. */
export async function createOrganisation(db: Kysely<Database>, name: string): Promise<string> {
  const id = newId()
  await db.insertInto('organisations').values({ id, name, created_at: now() }).execute()
  return id
}

/** Creates an admin API key for an organisation: the key is returned once, only its hash is kept. */
export async function createApiKey(
  db: Kysely<Database>,
  organisationId: string,
  name = 'admin',
): Promise<{ id: string; key: string }> {
  const key = newSecret('pk_')
  const id = newId()
  await db
    .insertInto('api_keys')
    .values({ id, organisation_id: organisationId, key_hash: hashSecret(key), name, created_at: now() })
    .execute()
  return { id, key }
}

/** The organisation an API key belongs to, or `undefined` for an unknown key. */
export function findApiKey(db: Kysely<Database>, key: string) {
  return db
    .selectFrom('api_keys as k')
    .innerJoin('organisations as o', 'o.id', 'k.organisation_id')
    .select(['k.id as keyId', 'o.id as organisationId', 'o.name as organisationName'])
    .where('k.key_hash', '=', hashSecret(key))
    .executeTakeFirst()
}

/** The name of an organisation (for mails). */
export async function organisationName(db: Kysely<Database>, id: string): Promise<string> {
  const row = await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst()
  return row?.name ?? ''
}
