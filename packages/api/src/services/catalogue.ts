import type {
  CompanyInput,
  CompanyPatch,
  ProcessInput,
  ProcessPatch,
  ProfileInput,
  ProfilePatch,
} from '@portico/schema'
import { VISIBLE_FIELDS } from '@portico/schema'
import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import { audit } from '../data/audit.js'
import { findOrgCompany, insertCompanyRow, updateCompanyRow } from '../data/companies.js'
import { toFlag } from '../data/json.js'
import { bumpConfigVersion } from '../data/organisations.js'
import { findOrgProcess, insertProcessRow, processWithSlug, updateProcessRow } from '../data/processes.js'
import { findOrgProfile, insertProfileRow, updateProfileRow } from '../data/profiles.js'
import type { ProfileTable } from '../db/domain-types.js'
import type { CompanyTable, Database, ProcessTable } from '../db/types.js'
import { onConflict } from '../db/unique.js'
import { ApiError } from '../errors.js'
import type { WriteActor } from './actor.js'

// The organisation's catalogue that staff keep: processes (with their forms), profiles and
// companies. Each write owns its transaction and its audit entry.

const notFound = (kind: string) => new ApiError(404, `${kind} not found`, { type: 'not-found' })
const slugTaken = () =>
  new ApiError(409, 'Slug already used', {
    detail: 'Another process already uses this slug',
    type: 'conflict',
    errors: [{ field: 'slug', message: 'Another process already uses this slug' }],
  })

/** The audit entry of a catalogue change, which also invalidates cached portal configs. */
async function record(
  db: Kysely<Database>,
  actor: WriteActor,
  action: string,
  subject: { type: string; id: string },
) {
  await bumpConfigVersion(db, actor.organisationId)
  await audit(db, { organisationId: actor.organisationId, actor: actor.audit, action, subject })
}

/** Creates a process with its form; a slug already used in the organisation is a 409. */
export async function createProcess(
  db: Kysely<Database>,
  actor: WriteActor,
  input: ProcessInput,
): Promise<ProcessTable> {
  if (await processWithSlug(db, actor.organisationId, input.slug)) throw slugTaken()
  const row: ProcessTable = {
    id: newId(),
    organisation_id: actor.organisationId,
    slug: input.slug,
    name: input.name.en,
    name_fr: input.name.fr || null,
    form: JSON.stringify(input.form ?? { fields: [] }),
    created_at: now(),
    archived_at: null,
  }
  await onConflict(
    () =>
      db.transaction().execute(async (trx) => {
        await insertProcessRow(trx, row)
        await record(trx, actor, 'process.created', { type: 'process', id: row.id })
      }),
    slugTaken,
  )
  return row
}

/** Updates a process: slug, name, form, and archiving (`archived: true`) or bringing it back. */
export async function updateProcess(
  db: Kysely<Database>,
  actor: WriteActor,
  id: string,
  input: ProcessPatch,
): Promise<ProcessTable> {
  const row = await findOrgProcess(db, actor.organisationId, id)
  if (!row) throw notFound('Process')
  if (input.slug) {
    const owner = await processWithSlug(db, actor.organisationId, input.slug)
    if (owner && owner !== row.id) throw slugTaken()
  }
  const archivedAt =
    input.archived === undefined ? row.archived_at : input.archived ? (row.archived_at ?? now()) : null
  const next: ProcessTable = {
    ...row,
    ...(input.slug ? { slug: input.slug } : {}),
    ...(input.name ? { name: input.name.en, name_fr: input.name.fr || null } : {}),
    ...(input.form ? { form: JSON.stringify(input.form) } : {}),
    archived_at: archivedAt,
  }
  await onConflict(
    () =>
      db.transaction().execute(async (trx) => {
        await updateProcessRow(trx, row.id, next)
        const action =
          input.archived === true && !row.archived_at
            ? 'process.archived'
            : input.archived === false && row.archived_at
              ? 'process.restored'
              : 'process.updated'
        await record(trx, actor, action, { type: 'process', id: row.id })
      }),
    slugTaken,
  )
  return next
}

/** Creates a profile: the modules a contact gets, same-company visibility and visible fields. */
export async function createProfile(
  db: Kysely<Database>,
  actor: WriteActor,
  input: ProfileInput,
): Promise<ProfileTable> {
  const row: ProfileTable = {
    id: newId(),
    organisation_id: actor.organisationId,
    name: input.name,
    modules: JSON.stringify([...new Set(input.modules)]),
    same_company_visibility: toFlag(input.sameCompanyVisibility ?? false),
    visible_fields: JSON.stringify(input.visibleFields ?? VISIBLE_FIELDS),
    created_at: now(),
  }
  await db.transaction().execute(async (trx) => {
    await insertProfileRow(trx, row)
    await record(trx, actor, 'profile.created', { type: 'profile', id: row.id })
  })
  return row
}

/** Updates a profile. */
export async function updateProfile(
  db: Kysely<Database>,
  actor: WriteActor,
  id: string,
  input: ProfilePatch,
): Promise<ProfileTable> {
  const row = await findOrgProfile(db, actor.organisationId, id)
  if (!row) throw notFound('Profile')
  const next: ProfileTable = {
    ...row,
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.modules === undefined ? {} : { modules: JSON.stringify([...new Set(input.modules)]) }),
    ...(input.sameCompanyVisibility === undefined
      ? {}
      : { same_company_visibility: toFlag(input.sameCompanyVisibility) }),
    ...(input.visibleFields === undefined ? {} : { visible_fields: JSON.stringify(input.visibleFields) }),
  }
  await db.transaction().execute(async (trx) => {
    await updateProfileRow(trx, row.id, next)
    await record(trx, actor, 'profile.updated', { type: 'profile', id: row.id })
  })
  return next
}

/** Creates a company. */
export async function createCompany(
  db: Kysely<Database>,
  actor: WriteActor,
  input: CompanyInput,
): Promise<CompanyTable> {
  const row: CompanyTable = {
    id: newId(),
    organisation_id: actor.organisationId,
    name: input.name,
    address: input.address ?? null,
    phone: input.phone ?? null,
    created_at: now(),
  }
  await db.transaction().execute(async (trx) => {
    await insertCompanyRow(trx, row)
    await record(trx, actor, 'company.created', { type: 'company', id: row.id })
  })
  return row
}

/** Updates a company's name, address or phone. */
export async function updateCompany(
  db: Kysely<Database>,
  actor: WriteActor,
  id: string,
  input: CompanyPatch,
): Promise<CompanyTable> {
  const row = await findOrgCompany(db, actor.organisationId, id)
  if (!row) throw notFound('Company')
  const next: CompanyTable = {
    ...row,
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.address === undefined ? {} : { address: input.address }),
    ...(input.phone === undefined ? {} : { phone: input.phone }),
  }
  await db.transaction().execute(async (trx) => {
    await updateCompanyRow(trx, row.id, next)
    await record(trx, actor, 'company.updated', { type: 'company', id: row.id })
  })
  return next
}
