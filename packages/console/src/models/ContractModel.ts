import type { Assignee, Contract, ContractPatch } from '@portico/schema'
import type { Client } from '../api/client.js'
import type { AuditEntry, Contact } from '../api/endpoints.js'
import { Resource } from './Resource.js'
import { Timeline } from './Timeline.js'

/** The contacts that may watch a contract of `requesterId`: the requester's company, requester aside. */
export function watcherCandidates(contacts: Contact[], requesterId: string): Contact[] {
  const requester = contacts.find((c) => c.id === requesterId)
  if (!requester?.companyId) return []
  return contacts.filter((c) => c.companyId === requester.companyId && c.id !== requester.id)
}

/** Who was e-mailed about a contract, from its audit trail: everyone it was shared with, by role. */
export function mailedPeople(
  entries: AuditEntry[],
): { id: string; role: 'requester' | 'watcher'; at: string }[] {
  const people = new Map<string, { id: string; role: 'requester' | 'watcher'; at: string }>()
  for (const entry of entries) {
    const detail = entry.detail as {
      requester?: string
      watchers?: string[]
      mailed?: { id: string; role: 'requester' | 'watcher' }[]
    }
    if (entry.action === 'contract.shared') {
      if (detail.requester)
        people.set(detail.requester, { id: detail.requester, role: 'requester', at: entry.at })
      for (const id of detail.watchers ?? []) people.set(id, { id, role: 'watcher', at: entry.at })
    }
    for (const m of detail.mailed ?? []) if (!people.has(m.id)) people.set(m.id, { ...m, at: entry.at })
  }
  return [...people.values()]
}

/** Where a contract's share stands for its requester and watchers. */
export type ShareState =
  | { kind: 'shared'; until: string | null }
  | { kind: 'revoked'; at: string; by: AuditEntry['actor'] | null }
  | { kind: 'expired'; at: string }

/**
 * The share's state at `at`: a revocation wins over an expiry (restoring it is what staff can do
 * next); who revoked comes from the newest `contract.share-revoked` entry of the trail, if loaded.
 */
export function shareState(contract: Contract, entries: AuditEntry[], at = Date.now()): ShareState {
  if (contract.revokedAt) {
    const entry = [...entries].reverse().find((e) => e.action === 'contract.share-revoked')
    return { kind: 'revoked', at: contract.revokedAt, by: entry?.actor ?? null }
  }
  if (contract.expiresAt && Date.parse(contract.expiresAt) <= at)
    return { kind: 'expired', at: contract.expiresAt }
  return { kind: 'shared', until: contract.expiresAt }
}

/** The staff member an audit actor names, or `null` for an API key, the system or a former colleague. */
export function actorName(actor: AuditEntry['actor'] | null, staff: Assignee[]): string | null {
  if (actor?.type !== 'staff') return null
  return staff.find((s) => s.id === actor.id)?.name ?? null
}

/** The expiry a date field means: the end of that day in the staff user's time zone, as ISO 8601. */
export function endOfDay(date: string): string | null {
  if (!date) return null
  const end = new Date(`${date}T23:59:59.999`)
  return Number.isNaN(end.getTime()) ? null : end.toISOString()
}

/** The date field's value for an expiry: its day in the staff user's time zone, or empty. */
export function dayOf(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`
}

/** One contract as staff manage it: details, sharing, attachments, audit trail. */
export class ContractModel {
  readonly contract
  readonly audit: Timeline<AuditEntry>

  constructor(
    private readonly client: Client,
    readonly id: string,
  ) {
    const params = { id }
    this.contract = new Resource(() => client.call('GET /v1/admin/contracts/{id}', { params }))
    this.audit = new Timeline((cursor) =>
      client.call('GET /v1/admin/contracts/{id}/audit', { params, query: cursor ? { cursor } : {} }),
    )
  }

  /** Loads the contract and its trail. */
  async load(): Promise<void> {
    await Promise.all([this.contract.load(), this.audit.load()])
  }

  /** Saves changes (new watchers are e-mailed by the API). */
  async save(patch: ContractPatch): Promise<void> {
    this.contract.set(
      await this.client.call('PATCH /v1/admin/contracts/{id}', { params: { id: this.id }, body: patch }),
    )
    void this.audit.load()
  }

  /** Revokes the share: requester and watchers lose access at once. */
  async revoke(): Promise<void> {
    this.contract.set(
      await this.client.call('POST /v1/admin/contracts/{id}/revoke', { params: { id: this.id } }),
    )
    void this.audit.load()
  }

  /** Restores a revoked share (the API e-mails requester and watchers again unless it has expired). */
  async restore(): Promise<void> {
    this.contract.set(
      await this.client.call('POST /v1/admin/contracts/{id}/restore', { params: { id: this.id } }),
    )
    void this.audit.load()
  }

  /** Attaches a file. */
  async attach(file: File): Promise<void> {
    await this.client.upload('POST /v1/admin/contracts/{id}/attachments', { params: { id: this.id }, file })
    await this.contract.load()
  }

  /** Downloads an attachment with the staff token. */
  download(a: { id: string; filename: string }): Promise<void> {
    return this.client.download(
      `/v1/admin/contracts/${encodeURIComponent(this.id)}/attachments/${encodeURIComponent(a.id)}`,
      a.filename,
    )
  }
}
