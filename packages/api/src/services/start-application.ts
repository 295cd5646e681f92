import {
  type ApplicationSource,
  type FormDefinition,
  fieldMessage,
  nameIn,
  type StaffName,
  validateFormData,
} from '@portico/schema'
import type { Kysely } from 'kysely'
import { contactProcessIds, insertApplication } from '../data/applications.js'
import { parseJson } from '../data/json.js'
import type { PortalRecord } from '../data/portals.js'
import type { Database } from '../db/types.js'
import { contactProblem } from '../errors.js'
import { emit } from '../events/emit.js'

/** The contact starting a process. */
export interface Starter {
  id: string
  organisationId: string
  companyId: string | null
  locale: string
  authorizedProcesses: string
}

/** What the contact sends to start a process. */
export interface StartInput {
  process: string
  data?: Record<string, unknown> | undefined
  tags?: string[] | undefined
  source?: ApplicationSource | undefined
}

interface ResolvedProcess {
  id: string
  name: StaffName
  form: FormDefinition
  onPortal: boolean
  allowDuplicates: boolean
}

async function resolveProcess(
  db: Kysely<Database>,
  portal: PortalRecord,
  contact: Starter,
  ref: string,
): Promise<ResolvedProcess | undefined> {
  const onPortal = portal.processes.find((p) => p.slug === ref || p.id === ref)
  if (onPortal) return { ...onPortal, onPortal: true }
  const authorized = parseJson<string[]>(contact.authorizedProcesses, [])
  if (authorized.length === 0) return undefined
  const row = await db
    .selectFrom('processes')
    .select(['id', 'name', 'name_fr', 'form'])
    .where('organisation_id', '=', contact.organisationId)
    .where('id', 'in', authorized)
    .where((eb) => eb.or([eb('slug', '=', ref), eb('id', '=', ref)]))
    .executeTakeFirst()
  if (!row) return undefined
  const form = parseJson<FormDefinition>(row.form, { fields: [] })
  const name = { en: row.name, fr: row.name_fr }
  return { id: row.id, name, form, onPortal: false, allowDuplicates: true }
}

const invalid = (errors: { field: string; message: string }[]) =>
  contactProblem(400, 'validation', { errors })

/**
 * Checks every rule of starting a process on a portal and inserts the application: the process is
 * on the portal or authorized for the contact; after the first application the portal must allow
 * new ones; a forbidden duplicate is a 409; the data must fit the process form.
 */
export async function startApplication(
  db: Kysely<Database>,
  portal: PortalRecord,
  contact: Starter,
  input: StartInput,
): Promise<string> {
  const process = await resolveProcess(db, portal, contact, input.process)
  if (!process) throw invalid([{ field: 'process', message: 'processNotOnPortal' }])
  const existing = await contactProcessIds(db, contact.id)
  const authorized = parseJson<string[]>(contact.authorizedProcesses, []).includes(process.id)
  if (!authorized && existing.length > 0 && !portal.allowNewApplications) {
    throw contactProblem(403, 'new-applications-closed')
  }
  if (!process.allowDuplicates && existing.includes(process.id)) {
    // The problem is worded in the contact's language (this body has no locale of its own).
    const name = nameIn(process.name, contact.locale)
    throw contactProblem(409, 'duplicate-application', {
      params: { process: name },
      errors: [{ field: 'process', message: fieldMessage('duplicate', { process: name }) }],
    })
  }
  const checked = validateFormData(process.form, input.data, null)
  if (checked.errors.length) {
    throw invalid(
      checked.errors.map((e) => ({
        field: e.field === '_' ? 'data' : `data.${e.field}`,
        message: e.message,
      })),
    )
  }
  const source: Record<string, string> = { portal: portal.slug }
  for (const [key, value] of Object.entries(input.source ?? {})) if (value) source[key] = value
  const id = await insertApplication(db, {
    organisationId: contact.organisationId,
    processId: process.id,
    contactId: contact.id,
    companyId: contact.companyId,
    portalId: portal.id,
    data: checked.data,
    tags: [...new Set([...portal.tags, ...(input.tags ?? [])])],
    source,
    actor: { type: 'contact', id: contact.id },
  })
  await emit(db, {
    type: 'application.created',
    data: { applicationId: id, processId: process.id, contactId: contact.id, status: 'submitted' },
    organisationId: contact.organisationId,
    subject: { type: 'application', id },
    contactId: contact.id,
    companyId: contact.companyId,
  })
  return id
}
