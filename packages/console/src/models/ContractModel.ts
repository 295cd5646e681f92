import type { ContractPatch } from '@portico/schema'
import type { Client } from '../api/client.js'
import type { AuditEntry, Contact } from '../api/endpoints.js'
import { Resource } from './Resource.js'

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

/** One contract as staff manage it: details, sharing, attachments, audit trail. */
export class ContractModel {
  readonly contract
  readonly audit: Resource<AuditEntry[]>

  constructor(
    private readonly client: Client,
    readonly id: string,
  ) {
    const params = { id }
    this.contract = new Resource(() => client.call('GET /v1/admin/contracts/{id}', { params }))
    this.audit = new Resource(
      async () => (await client.call('GET /v1/admin/contracts/{id}/audit', { params })).items,
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
