import { MODULES, type PortalInput, type PortalPatch } from '@portico/schema'
import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import { audit } from '../data/audit.js'
import { toFlag } from '../data/json.js'
import { bumpConfigVersion } from '../data/organisations.js'
import {
  findPortalById,
  insertPortalRow,
  type PortalRecord,
  portalWithSlug,
  setPortalProcesses,
  updatePortalRow,
} from '../data/portals.js'
import { findOrgProcessByRef } from '../data/processes.js'
import { existsInOrg } from '../data/scoped.js'
import type { Database, PortalTable } from '../db/types.js'
import { onConflict } from '../db/unique.js'
import { ApiError } from '../errors.js'
import type { WriteActor } from './actor.js'

const slugTaken = () =>
  new ApiError(409, 'Slug already used', {
    detail: 'Another portal already uses this slug',
    type: 'conflict',
    errors: [{ field: 'slug', message: 'Another portal already uses this slug' }],
  })
const fieldError = (field: string, message: string) =>
  new ApiError(400, 'Invalid request body', { type: 'validation', errors: [{ field, message }] })

/** The portal columns a patch sets. */
function columns(input: PortalPatch): Partial<PortalTable> {
  const out: Partial<PortalTable> = {}
  if (input.slug !== undefined) out.slug = input.slug
  if (input.name !== undefined) {
    out.name = input.name.en
    out.name_fr = input.name.fr || null
  }
  if (input.multiProcess !== undefined) out.multi_process = toFlag(input.multiProcess)
  if (input.registrationOpen !== undefined) out.registration_open = toFlag(input.registrationOpen)
  if (input.allowNewApplications !== undefined)
    out.allow_new_applications = toFlag(input.allowNewApplications)
  if (input.tags !== undefined) out.tags = JSON.stringify([...new Set(input.tags)])
  if (input.allowedOrigins !== undefined) out.allowed_origins = JSON.stringify(input.allowedOrigins)
  if (input.theme !== undefined) {
    const { accent = null, logoUrl = null, title = null } = input.theme
    out.theme = JSON.stringify({
      accent,
      logoUrl,
      title: title ? { en: title.en, fr: title.fr || null } : null,
    })
  }
  if (input.defaultLocale !== undefined) out.default_locale = input.defaultLocale
  if (input.modules !== undefined) out.modules = JSON.stringify([...new Set(input.modules)])
  if (input.defaultProfileId !== undefined) out.default_profile_id = input.defaultProfileId
  if (input.publicUrl !== undefined) out.public_url = input.publicUrl
  if (input.signInMethods !== undefined) out.sign_in_methods = JSON.stringify(input.signInMethods)
  if (input.passkeyRpId !== undefined) out.passkey_rp_id = input.passkeyRpId
  return out
}

/** Checks the slug and the references of a portal input; answers its processes in order. */
async function check(db: Kysely<Database>, actor: WriteActor, input: PortalPatch, except?: string) {
  if (input.slug) {
    const owner = await portalWithSlug(db, input.slug)
    if (owner && owner !== except) throw slugTaken()
  }
  if (
    input.defaultProfileId &&
    !(await existsInOrg(db, 'profiles', actor.organisationId, input.defaultProfileId))
  ) {
    throw fieldError('defaultProfileId', 'There is no such profile in this organisation')
  }
  const processes: { id: string; allowDuplicates: boolean }[] = []
  for (const [i, item] of (input.processes ?? []).entries()) {
    const row = await findOrgProcessByRef(db, actor.organisationId, item.process)
    if (!row) throw fieldError(`processes.${i}.process`, 'There is no such process in this organisation')
    if (processes.some((p) => p.id === row.id))
      throw fieldError(`processes.${i}.process`, 'This process is listed twice')
    processes.push({ id: row.id, allowDuplicates: item.allowDuplicates ?? true })
  }
  return processes
}

/** Creates a portal with its processes and options. */
export async function createPortal(
  db: Kysely<Database>,
  actor: WriteActor,
  input: PortalInput,
): Promise<PortalRecord> {
  const processes = await check(db, actor, input)
  const id = newId()
  await onConflict(
    () =>
      db.transaction().execute(async (trx) => {
        await insertPortalRow(trx, {
          id,
          organisation_id: actor.organisationId,
          slug: input.slug,
          name: input.name.en,
          name_fr: input.name.fr || null,
          multi_process: toFlag(input.multiProcess ?? processes.length > 1),
          registration_open: 1,
          allow_new_applications: 0,
          created_at: now(),
          tags: '[]',
          allowed_origins: '[]',
          theme: '{}',
          default_locale: 'en',
          modules: JSON.stringify(MODULES),
          default_profile_id: null,
          public_url: null,
          archived_at: null,
          sign_in_methods: null,
          passkey_rp_id: null,
          ...columns(input),
        })
        await setPortalProcesses(trx, id, processes)
        await bumpConfigVersion(trx, actor.organisationId)
        await audit(trx, {
          organisationId: actor.organisationId,
          actor: actor.audit,
          action: 'portal.created',
          subject: { type: 'portal', id },
        })
      }),
    slugTaken,
  )
  return (await findPortalById(db, id, actor.organisationId, 'all'))!
}

/** Updates a portal's options and processes; `archived` archives it or brings it back. */
export async function updatePortal(
  db: Kysely<Database>,
  actor: WriteActor,
  id: string,
  input: PortalPatch,
): Promise<PortalRecord> {
  const portal = await findPortalById(db, id, actor.organisationId, 'all')
  if (!portal) throw new ApiError(404, 'Portal not found', { type: 'not-found' })
  const processes = await check(db, actor, input, portal.id)
  const set = columns(input)
  if (input.archived !== undefined) set.archived_at = input.archived ? (portal.archivedAt ?? now()) : null
  const action =
    input.archived === true && !portal.archivedAt
      ? 'portal.archived'
      : input.archived === false && portal.archivedAt
        ? 'portal.restored'
        : 'portal.updated'
  await onConflict(
    () =>
      db.transaction().execute(async (trx) => {
        if (Object.keys(set).length) await updatePortalRow(trx, portal.id, set)
        if (input.processes) await setPortalProcesses(trx, portal.id, processes)
        await bumpConfigVersion(trx, actor.organisationId)
        await audit(trx, {
          organisationId: actor.organisationId,
          actor: actor.audit,
          action,
          subject: { type: 'portal', id: portal.id },
        })
      }),
    slugTaken,
  )
  return (await findPortalById(db, portal.id, actor.organisationId, 'all'))!
}
