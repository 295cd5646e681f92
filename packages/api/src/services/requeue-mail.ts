import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { audit } from '../data/audit.js'
import { findPortalById } from '../data/portals.js'
import { createStaffToken } from '../data/staff-tokens.js'
import { createAuthToken } from '../data/tokens.js'
import type { Database } from '../db/types.js'
import { ApiError } from '../errors.js'
import { findOutboxRow, type LinkSpec, resetOutboxRow, storedBodies } from '../mail/outbox.js'
import type { MailTemplateName } from '../mail/templates/index.js'
import { tokenLink } from '../routes/portal-of.js'
import type { WriteActor } from './actor.js'
import { consoleLink } from './staff-auth.js'

/** Where fresh links point: the portal's page (else the public URL) and the staff console. */
export interface LinkBases {
  publicUrl: string
  consoleUrl: string
}

/** Issues a fresh single-use link of the kind a mail carried, or `undefined` when its subject is gone. */
async function reissue(db: Kysely<Database>, spec: LinkSpec, bases: LinkBases): Promise<string | undefined> {
  if ('contactId' in spec) {
    const portal = await findPortalById(db, spec.portalId)
    if (!portal) return undefined
    const kind = spec.kind === 'contact-invitation' ? 'invitation' : 'reset'
    const { token } = await createAuthToken(db, { kind, contactId: spec.contactId, portalId: portal.id })
    return tokenLink(bases.publicUrl, portal, kind, token)
  }
  const kind = spec.kind === 'staff-invitation' ? 'invitation' : 'reset'
  const { token } = await createStaffToken(db, kind, spec.staffId)
  return consoleLink(bases.consoleUrl, kind === 'invitation' ? 'accept-invitation' : 'reset-password', token)
}

/**
 * Puts a failed or sent mail back in the queue. A mail whose live link was wiped once it was sent
 * gets a freshly issued link (sealed like the first); the old one stays as used or expired as it was.
 */
export async function requeueMail(
  db: Kysely<Database>,
  actor: WriteActor,
  id: string,
  bases: LinkBases,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await findOutboxRow(trx, actor.organisationId, id)
    if (!row)
      throw new ApiError(404, 'Mail not found', {
        detail: `There is no mail "${id}" in the outbox.`,
        type: 'not-found',
      })
    if (row.status !== 'failed' && row.status !== 'sent') {
      throw new ApiError(409, 'Mail is still queued', {
        detail: 'Only a failed or sent mail can be requeued; a pending mail is retried automatically.',
        type: 'conflict',
      })
    }
    let bodies = {}
    if (!row.sealed_body && row.link_spec && row.mail_data) {
      const link = await reissue(trx, JSON.parse(row.link_spec) as LinkSpec, bases)
      if (!link) {
        throw new ApiError(409, 'Link cannot be issued again', {
          detail: 'The account or portal this mail was about no longer exists.',
          type: 'conflict',
        })
      }
      const data = { ...(JSON.parse(row.mail_data) as Record<string, string>), link }
      const { rendered: _, ...stored } = storedBodies(
        row.id,
        row.template as MailTemplateName,
        row.locale,
        data,
      )
      bodies = stored
    }
    await resetOutboxRow(trx, row.id, { ...bodies, next_attempt_at: now() })
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'mail.requeued',
      subject: { type: 'mail', id: row.id },
      detail: { was: row.status, freshLink: Object.keys(bodies).length > 0 },
    })
  })
}
