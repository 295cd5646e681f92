import type { FormDefinition } from '@portico/schema'
import type { Kysely } from 'kysely'
import { now } from './clock.js'
import { hashPassword, newId } from './crypto.js'
import { insertApplication } from './data/applications.js'
import { saveAttachment } from './data/attachments.js'
import { insertContact } from './data/contacts.js'
import { createApiKey } from './data/organisations.js'
import { insertStaff } from './data/staff-users.js'
import type { Database } from './db/types.js'
import { systemActor } from './services/organisations.js'
import { createApiKeyFor } from './services/staff-admin.js'
import { bytesSource, type Storage } from './storage/index.js'

/** The demo login that `seed-demo` creates. */
export const DEMO_LOGIN = { email: 'demo@acme.test', password: 'portico-demo' } as const
/** The demo staff owner's login (the staff console at /console/). */
export const DEMO_STAFF_LOGIN = { email: 'owner@acme.test', password: 'portico-owner-demo' } as const
/** The demo agent's login. */
export const DEMO_AGENT_LOGIN = { email: 'agent@acme.test', password: 'portico-agent-demo' } as const

/** What the demo seed created. */
export interface DemoSeed {
  organisationId: string
  portals: { single: string; multi: string }
  login: typeof DEMO_LOGIN
  /** The staff owner's login. */
  staffLogin: typeof DEMO_STAFF_LOGIN
  /** The admin API key, only when this run created the organisation (keys are stored hashed). */
  adminKey?: string
}

const DEMO_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*']
const text = (en: string, fr: string) => ({ en, fr })

const FORMS: Record<string, FormDefinition> = {
  'business-account': {
    fields: [
      { name: 'companyName', type: 'text', label: text('Company name', 'Nom de la société') },
      {
        name: 'country',
        type: 'select',
        label: text('Country', 'Pays'),
        options: [
          { value: 'be', label: text('Belgium', 'Belgique') },
          { value: 'fr', label: text('France', 'France') },
          { value: 'gb', label: text('United Kingdom', 'Royaume-Uni') },
        ],
      },
      { name: 'phone', type: 'phone', label: text('Phone', 'Téléphone') },
    ],
  },
  kyc: {
    fields: [
      { name: 'birthDate', type: 'date', label: text('Date of birth', 'Date de naissance') },
      { name: 'idDocument', type: 'file', label: text('Identity document', 'Pièce d’identité') },
    ],
  },
  incident: {
    fields: [
      { name: 'description', type: 'textarea', label: text('What happened?', 'Que s’est-il passé ?') },
      { name: 'contactEmail', type: 'email', label: text('E-mail for follow-up', 'E-mail de suivi') },
      { name: 'urgent', type: 'checkbox', label: text('Urgent', 'Urgent') },
    ],
  },
}

async function insertProcess(
  db: Kysely<Database>,
  organisationId: string,
  slug: string,
  name: { en: string; fr: string },
) {
  const id = newId()
  const form = JSON.stringify(FORMS[slug] ?? { fields: [] })
  await db
    .insertInto('processes')
    .values({
      id,
      organisation_id: organisationId,
      slug,
      name: name.en,
      name_fr: name.fr,
      form,
      created_at: now(),
      archived_at: null,
    })
    .execute()
  return id
}

async function insertPortal(
  db: Kysely<Database>,
  organisationId: string,
  portal: {
    slug: string
    name: { en: string; fr: string }
    processIds: string[]
    tags: string[]
    profileId: string
  },
): Promise<string> {
  const id = newId()
  await db
    .insertInto('portals')
    .values({
      id,
      organisation_id: organisationId,
      slug: portal.slug,
      name: portal.name.en,
      name_fr: portal.name.fr,
      multi_process: portal.processIds.length > 1 ? 1 : 0,
      registration_open: 1,
      allow_new_applications: 1,
      created_at: now(),
      tags: JSON.stringify(portal.tags),
      allowed_origins: JSON.stringify(DEMO_ORIGINS),
      theme: JSON.stringify({ accent: '#0f766e', logoUrl: null, title: portal.name }),
      default_locale: 'en',
      modules: JSON.stringify(['applications', 'contracts', 'company']),
      default_profile_id: portal.profileId,
      public_url: null,
      archived_at: null,
      sign_in_methods: null,
      passkey_rp_id: null,
    })
    .execute()
  await db
    .insertInto('portal_processes')
    .values(
      portal.processIds.map((processId, position) => ({
        portal_id: id,
        process_id: processId,
        position,
        allow_duplicates: 1,
      })),
    )
    .execute()
  return id
}

/** The smallest valid PDF, so the demo contract has a real attachment to download. */
const DEMO_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

/**
 * Creates the demo organisation "Acme Bank": a single-process portal `acme-onboarding`, a
 * multi-process portal `acme-services`, the company Globex with the demo contact (a company
 * admin) and a colleague, one application, and a contract shared with a visible attachment.
 * Idempotent. Without `storage`, the contract has no attachment.
 */
export async function seedDemo(db: Kysely<Database>, options: { storage?: Storage } = {}): Promise<DemoSeed> {
  const portals = { single: 'acme-onboarding', multi: 'acme-services' }
  const existing = await db
    .selectFrom('portals')
    .select('organisation_id')
    .where('slug', '=', portals.single)
    .executeTakeFirst()
  if (existing) {
    return {
      organisationId: existing.organisation_id,
      portals,
      login: DEMO_LOGIN,
      staffLogin: DEMO_STAFF_LOGIN,
    }
  }

  const passwordHash = await hashPassword(DEMO_LOGIN.password)
  const ownerHash = await hashPassword(DEMO_STAFF_LOGIN.password)
  const agentHash = await hashPassword(DEMO_AGENT_LOGIN.password)
  return db.transaction().execute(async (trx) => {
    const organisationId = newId()
    const at = now()
    await trx
      .insertInto('organisations')
      .values({
        id: organisationId,
        name: 'Acme Bank',
        created_at: at,
        reference_prefix: 'ACME',
        next_reference: 1,
        config_version: 1,
        require_two_factor: 0,
      })
      .execute()
    const { key } = await createApiKey(trx, organisationId, 'demo')
    await insertStaff(trx, {
      organisationId,
      email: DEMO_STAFF_LOGIN.email,
      name: 'Olivia Owner',
      role: 'owner',
      locale: 'en',
      passwordHash: ownerHash,
    })
    await insertStaff(trx, {
      organisationId,
      email: DEMO_AGENT_LOGIN.email,
      name: 'Aurélien Agent',
      role: 'agent',
      locale: 'fr',
      passwordHash: agentHash,
    })
    const profileId = newId()
    await trx
      .insertInto('profiles')
      .values({
        id: profileId,
        organisation_id: organisationId,
        name: 'Client',
        modules: JSON.stringify(['applications', 'contracts', 'company']),
        same_company_visibility: 1,
        visible_fields: JSON.stringify(['contact.name', 'contact.email', 'contact.phone', 'company.name']),
        created_at: at,
      })
      .execute()
    const companyId = newId()
    await trx
      .insertInto('companies')
      .values({
        id: companyId,
        organisation_id: organisationId,
        name: 'Globex Ltd',
        created_at: at,
        address: '1 Demo Street',
        phone: null,
      })
      .execute()
    const account = await insertProcess(
      trx,
      organisationId,
      'business-account',
      text('Open a business account', 'Ouvrir un compte professionnel'),
    )
    const kyc = await insertProcess(
      trx,
      organisationId,
      'kyc',
      text('Verify your identity', 'Vérifier votre identité'),
    )
    const incident = await insertProcess(
      trx,
      organisationId,
      'incident',
      text('Report an incident', 'Signaler un incident'),
    )
    await insertPortal(trx, organisationId, {
      slug: portals.single,
      name: text('Acme onboarding', 'Acme, ouverture de compte'),
      processIds: [account],
      tags: ['onboarding'],
      profileId,
    })
    const multiId = await insertPortal(trx, organisationId, {
      slug: portals.multi,
      name: text('Acme client services', 'Acme, services clients'),
      processIds: [kyc, incident, account],
      tags: ['services'],
      profileId,
    })
    const contact = await insertContact(trx, {
      organisationId,
      email: DEMO_LOGIN.email,
      name: 'Dana Demo',
      passwordHash,
      status: 'active',
      companyId,
      profileId,
      isCompanyAdmin: true,
    })
    const colleague = await insertContact(trx, {
      organisationId,
      email: 'sam@acme.test',
      name: 'Sam Colleague',
      passwordHash,
      status: 'active',
      companyId,
      profileId,
      locale: 'fr',
    })
    await insertApplication(trx, {
      organisationId,
      processId: kyc,
      contactId: contact.id,
      companyId,
      portalId: multiId,
      tags: ['services'],
      actor: { type: 'system', id: null },
    })
    const contractId = newId()
    await trx
      .insertInto('contracts')
      .values({
        id: contractId,
        organisation_id: organisationId,
        requester_id: contact.id,
        title: 'Master services agreement',
        reference: 'MSA-2026-001',
        status: 'pending_signature',
        attachments_visible: 1,
        created_at: at,
        updated_at: at,
      })
      .execute()
    await trx
      .insertInto('contract_watchers')
      .values({ contract_id: contractId, contact_id: colleague.id })
      .execute()
    if (options.storage) {
      await saveAttachment(trx, options.storage, {
        organisationId,
        parent: { type: 'contract', id: contractId },
        field: null,
        filename: 'msa.pdf',
        contentType: 'application/pdf',
        file: bytesSource(DEMO_PDF),
      })
    }
    return { organisationId, portals, login: DEMO_LOGIN, staffLogin: DEMO_STAFF_LOGIN, adminKey: key }
  })
}

/** A fresh API key for the demo organisation (the demo prints one at every start; only its hash is kept). */
export async function createDemoApiKey(db: Kysely<Database>, organisationId: string): Promise<string> {
  const key = await createApiKeyFor(db, systemActor(organisationId), { name: 'pnpm demo' })
  return key.secret
}
