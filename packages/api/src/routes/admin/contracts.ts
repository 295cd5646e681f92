import type { Context, Hono } from 'hono'
import type { Kysely } from 'kysely'
import { now } from '../../clock.js'
import { newId } from '../../crypto.js'
import { findAttachment, saveAttachment } from '../../data/attachments.js'
import { audit, auditActor } from '../../data/audit.js'
import { findOrgContact } from '../../data/contacts.js'
import { contractView, findContract, setWatchers, watcherIds } from '../../data/contracts.js'
import { toFlag } from '../../data/json.js'
import { keysetAfter, pageOf, pageRequest } from '../../data/page.js'
import type { ContractTable } from '../../db/domain-types.js'
import type { ContactTable, Database } from '../../db/types.js'
import type { AdminEnv, AppEnv } from '../../env.js'
import { ApiError } from '../../errors.js'
import { emit } from '../../events/emit.js'
import { enqueueMail } from '../../mail/outbox.js'
import { downloadResponse, readUpload } from '../../uploads.js'
import { route } from '../route.js'
import { fieldError, notFound } from './shared.js'

/** Checks requester and watchers: all in the organisation, watchers in the requester's company. */
async function people(c: Context<AdminEnv>, requesterId: string, watchers: string[]) {
  const requester = await findOrgContact(c.var.db, c.var.organisationId, requesterId)
  if (!requester) throw fieldError('requesterId', 'There is no such contact in this organisation')
  const rows: ContactTable[] = []
  for (const [i, id] of [...new Set(watchers)].entries()) {
    const watcher = await findOrgContact(c.var.db, c.var.organisationId, id)
    if (!watcher) throw fieldError(`watcherIds.${i}`, 'There is no such contact in this organisation')
    if (watcher.id === requester.id)
      throw fieldError(`watcherIds.${i}`, 'The requester cannot also be a watcher')
    if (!requester.company_id || watcher.company_id !== requester.company_id) {
      throw new ApiError(409, 'Watcher outside the requester’s company', {
        detail: `${watcher.name} is not in the requester's company: watchers must belong to the same company as the requester.`,
        type: 'watcher-outside-company',
        errors: [{ field: `watcherIds.${i}`, message: 'Watchers must belong to the requester’s company' }],
      })
    }
    rows.push(watcher)
  }
  return { requester, watchers: rows }
}

/** Mails the contract to each person as requester or watcher. */
async function announce(
  trx: Kysely<Database>,
  organisationId: string,
  contract: Pick<ContractTable, 'title' | 'reference'>,
  requester: ContactTable,
  recipients: { contact: ContactTable; role: 'requester' | 'watcher' }[],
) {
  for (const { contact, role } of recipients) {
    await enqueueMail(trx, {
      to: contact.email,
      locale: contact.locale,
      template: 'contract-shared',
      data: {
        name: contact.name,
        title: contract.title,
        role,
        requester: requester.name,
        ...(contract.reference ? { reference: contract.reference } : {}),
      },
      organisationId,
    })
  }
}

async function find(c: Context<AdminEnv>) {
  const row = await findContract(c.var.db, c.var.organisationId, c.req.param('id') ?? '')
  if (!row) throw notFound('Contract')
  return row
}

/** Staff share contracts with a requester and same-company watchers, and attach files. */
export function mountAdminContractRoutes(app: Hono<AppEnv>): void {
  route(app, 'listContracts', async (c, { query }) => {
    const page = pageRequest(query, 'recent', 2)
    let select = c.var.db
      .selectFrom('contracts')
      .selectAll()
      .where('organisation_id', '=', c.var.organisationId)
    if (page.after) select = select.where(keysetAfter(['created_at', 'id'], page.after, 'desc'))
    const rows = await select
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute()
    const result = pageOf(
      rows,
      page,
      'recent',
      (r) => [r.created_at, r.id],
      (r) => r,
    )
    return {
      ...result,
      items: await Promise.all(result.items.map((r) => contractView(c.var.db, r, { staff: true }))),
    }
  })
  route(app, 'createContract', async (c, { body: input }) => {
    const { requester, watchers } = await people(c, input.requesterId, input.watcherIds ?? [])
    const at = now()
    const row: ContractTable = {
      id: newId(),
      organisation_id: c.var.organisationId,
      requester_id: requester.id,
      title: input.title,
      reference: input.reference ?? null,
      status: input.status ?? 'pending_signature',
      attachments_visible: toFlag(input.attachmentsVisible ?? false),
      created_at: at,
      updated_at: at,
    }
    await c.var.db.transaction().execute(async (trx) => {
      await trx.insertInto('contracts').values(row).execute()
      await setWatchers(
        trx,
        row.id,
        watchers.map((w) => w.id),
      )
      await announce(trx, c.var.organisationId, row, requester, [
        { contact: requester, role: 'requester' },
        ...watchers.map((contact) => ({ contact, role: 'watcher' as const })),
      ])
      await audit(trx, {
        organisationId: c.var.organisationId,
        actor: auditActor(c.var.actor),
        action: 'contract.shared',
        subject: { type: 'contract', id: row.id },
        detail: { requester: requester.id, watchers: watchers.map((w) => w.id) },
      })
      await emit(trx, {
        type: 'contract.shared',
        data: {
          contractId: row.id,
          requesterId: requester.id,
          watcherIds: watchers.map((w) => w.id),
          title: row.title,
        },
        organisationId: c.var.organisationId,
        subject: { type: 'contract', id: row.id },
        contactId: requester.id,
        companyId: requester.company_id,
      })
    })
    return contractView(c.var.db, row, { staff: true })
  })
  route(app, 'getContract', async (c) => contractView(c.var.db, await find(c), { staff: true }))
  route(app, 'updateContract', async (c, { body: input }) => {
    const row = await find(c)
    const before = await watcherIds(c.var.db, row.id)
    const { requester, watchers } = await people(
      c,
      input.requesterId ?? row.requester_id,
      input.watcherIds ?? before,
    )
    const next: ContractTable = {
      ...row,
      requester_id: requester.id,
      ...(input.title === undefined ? {} : { title: input.title }),
      ...(input.reference === undefined ? {} : { reference: input.reference }),
      ...(input.status === undefined ? {} : { status: input.status }),
      ...(input.attachmentsVisible === undefined
        ? {}
        : { attachments_visible: toFlag(input.attachmentsVisible) }),
      updated_at: now(),
    }
    await c.var.db.transaction().execute(async (trx) => {
      await trx.updateTable('contracts').set(next).where('id', '=', row.id).execute()
      await setWatchers(
        trx,
        row.id,
        watchers.map((w) => w.id),
      )
      // Only people newly given access hear about it.
      await announce(trx, c.var.organisationId, next, requester, [
        ...(requester.id === row.requester_id ? [] : [{ contact: requester, role: 'requester' as const }]),
        ...watchers
          .filter((w) => !before.includes(w.id))
          .map((contact) => ({ contact, role: 'watcher' as const })),
      ])
      await audit(trx, {
        organisationId: c.var.organisationId,
        actor: auditActor(c.var.actor),
        action: 'contract.updated',
        subject: { type: 'contract', id: row.id },
        detail: { changes: Object.keys(input) },
      })
      // Everyone who had or has access hears of it: those who lost it close the contract.
      const watcherIds = [...new Set([...before, ...watchers.map((w) => w.id)])]
      await emit(trx, {
        type: 'contract.updated',
        data: { contractId: row.id, requesterId: requester.id, watcherIds },
        organisationId: c.var.organisationId,
        subject: { type: 'contract', id: row.id },
        contactId: requester.id,
        companyId: requester.company_id,
      })
    })
    return contractView(c.var.db, next, { staff: true })
  })
  route(app, 'downloadContractAttachment', async (c, { params }) => {
    const row = await find(c)
    const attachment = await findAttachment(c.var.db, { type: 'contract', id: row.id }, params.attachmentId)
    if (!attachment) throw notFound('Attachment')
    return downloadResponse(c, c.var.config.storage, attachment)
  })
  route(app, 'uploadContractAttachment', async (c) => {
    const row = await find(c)
    const upload = await readUpload(c, c.var.config.uploads)
    const attachment = await saveAttachment(c.var.db, c.var.config.storage, {
      organisationId: c.var.organisationId,
      parent: { type: 'contract', id: row.id },
      ...upload,
    })
    return attachment
  })
}
