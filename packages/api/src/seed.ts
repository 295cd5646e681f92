import type { Kysely } from 'kysely'
import { now } from './clock.js'
import { hashPassword, newId } from './crypto.js'
import { insertApplication } from './data/applications.js'
import { insertContact } from './data/contacts.js'
import type { Database } from './db/types.js'

/** The demo login that `seed-demo` creates. */
export const DEMO_LOGIN = { email: 'demo@acme.test', password: 'portico-demo' } as const

/** What the demo seed created. */
export interface DemoSeed {
  organisationId: string
  portals: { single: string; multi: string }
  login: typeof DEMO_LOGIN
}

async function insertProcess(
  db: Kysely<Database>,
  organisationId: string,
  slug: string,
  name: string,
): Promise<string> {
  const id = newId()
  await db
    .insertInto('processes')
    .values({ id, organisation_id: organisationId, slug, name, form: '{"fields":[]}', created_at: now() })
    .execute()
  return id
}

async function insertPortal(
  db: Kysely<Database>,
  organisationId: string,
  slug: string,
  name: string,
  processIds: string[],
): Promise<void> {
  const id = newId()
  await db
    .insertInto('portals')
    .values({
      id,
      organisation_id: organisationId,
      slug,
      name,
      multi_process: processIds.length > 1 ? 1 : 0,
      registration_open: 1,
      allow_new_applications: 1,
      created_at: now(),
    })
    .execute()
  await db
    .insertInto('portal_processes')
    .values(
      processIds.map((processId, position) => ({
        portal_id: id,
        process_id: processId,
        position,
        allow_duplicates: 1,
      })),
    )
    .execute()
}

/**
 * Creates the demo organisation "Acme Bank": a single-process portal `acme-onboarding`, a
 * multi-process portal `acme-services`, and a demo contact with one application. Idempotent.
 */
export async function seedDemo(db: Kysely<Database>): Promise<DemoSeed> {
  const portals = { single: 'acme-onboarding', multi: 'acme-services' }
  const existing = await db
    .selectFrom('portals')
    .select('organisation_id')
    .where('slug', '=', portals.single)
    .executeTakeFirst()
  if (existing) return { organisationId: existing.organisation_id, portals, login: DEMO_LOGIN }

  const passwordHash = await hashPassword(DEMO_LOGIN.password)
  return db.transaction().execute(async (trx) => {
    const organisationId = newId()
    await trx
      .insertInto('organisations')
      .values({ id: organisationId, name: 'Acme Bank', created_at: now() })
      .execute()
    const account = await insertProcess(trx, organisationId, 'business-account', 'Open a business account')
    const kyc = await insertProcess(trx, organisationId, 'kyc', 'Verify your identity')
    const incident = await insertProcess(trx, organisationId, 'incident', 'Report an incident')
    await insertPortal(trx, organisationId, portals.single, 'Acme onboarding', [account])
    await insertPortal(trx, organisationId, portals.multi, 'Acme client services', [kyc, incident, account])
    const portal = await trx
      .selectFrom('portals')
      .select('id')
      .where('slug', '=', portals.multi)
      .executeTakeFirstOrThrow()
    const contact = await insertContact(trx, {
      organisationId,
      email: DEMO_LOGIN.email,
      name: 'Dana Demo',
      passwordHash,
      status: 'active',
    })
    await insertApplication(trx, {
      organisationId,
      processId: kyc,
      contactId: contact.id,
      companyId: null,
      portalId: portal.id,
    })
    return { organisationId, portals, login: DEMO_LOGIN }
  })
}
