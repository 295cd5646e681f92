import * as z from 'zod/mini'
import { Attachment } from './application.js'

/** Every status a contract moves through. */
export const CONTRACT_STATUSES = ['draft', 'pending_signature', 'signed', 'expired', 'terminated'] as const
export const ContractStatus = z.enum(CONTRACT_STATUSES)
export type ContractStatus = z.infer<typeof ContractStatus>

const person = z.object({ id: z.string(), name: z.string() })

/** A contract shared with a requester and watchers. */
export const Contract = z.object({
  id: z.string(),
  title: z.string(),
  reference: z.nullable(z.string()),
  status: ContractStatus,
  requester: person,
  watchers: z.array(person),
  attachmentsVisible: z.boolean(),
  /** Empty unless attachments are visible. */
  attachments: z.array(Attachment),
  /** When the share ends by itself, or `null` for never. */
  expiresAt: z.nullable(z.string()),
  /** When staff revoked the share, or `null`; contacts never see a revoked contract. */
  revokedAt: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Contract = z.infer<typeof Contract>

/** Answer to `GET /v1/me/contracts`: contracts where I am requester or watcher, most recent first. */
export const ContractList = z.object({ items: z.array(Contract), nextCursor: z.nullable(z.string()) })
export type ContractList = z.infer<typeof ContractList>

/** One receipt: a contact opened a shared contract, or downloaded one of its attachments. */
export const ContractReceipt = z.object({
  contact: z.object({ id: z.string(), name: z.string() }),
  kind: z.enum(['viewed', 'downloaded']),
  /** The attachment downloaded (`kind: 'downloaded'`), else `null`. */
  attachmentId: z.nullable(z.string()),
  at: z.string(),
})
export type ContractReceipt = z.infer<typeof ContractReceipt>

/** Answer to `GET /v1/me/contracts/{id}/receipts`: the newest receipts first (at most 500). */
export const ContractReceiptList = z.object({ items: z.array(ContractReceipt) })
export type ContractReceiptList = z.infer<typeof ContractReceiptList>
