import type { ApplicationStatus } from '@portico/schema'
import type { Client } from '../api/client.js'
import type { ApplicationView, AuditEntry, InternalNote, Process } from '../api/endpoints.js'
import { Resource } from './Resource.js'

/** One application as staff work on it: detail, form labels, internal notes, audit trail, actions. */
export class ApplicationModel {
  readonly detail: Resource<ApplicationView>
  readonly process: Resource<Process>
  readonly internal: Resource<InternalNote[]>
  readonly audit: Resource<AuditEntry[]>

  constructor(
    private readonly client: Client,
    readonly id: string,
  ) {
    const params = { id }
    this.detail = new Resource(() => client.call('GET /v1/admin/applications/{id}', { params }))
    this.process = new Resource(async () => {
      const detail = this.detail.data.value
      if (!detail) throw new Error('[portico] load the application before its process')
      return client.call('GET /v1/admin/processes/{id}', { params: { id: detail.process.id } })
    })
    this.internal = new Resource(
      async () => (await client.call('GET /v1/admin/applications/{id}/internal-notes', { params })).items,
    )
    this.audit = new Resource(
      async () => (await client.call('GET /v1/admin/applications/{id}/audit', { params })).items,
    )
  }

  /** Loads everything the view shows. */
  async load(): Promise<void> {
    await this.detail.load()
    if (this.detail.status.value !== 'ready') return
    await Promise.all([this.process.load(), this.internal.load(), this.audit.load()])
  }

  /** Writes a note the contact sees (and is mailed about). */
  async reply(body: string): Promise<void> {
    const note = await this.client.call('POST /v1/admin/applications/{id}/notes', {
      params: { id: this.id },
      body: { body },
    })
    const detail = this.detail.data.value
    if (detail) this.detail.set({ ...detail, notes: [...detail.notes, note] })
  }

  /** Writes a note only staff see. */
  async writeInternal(body: string): Promise<void> {
    const note = await this.client.call('POST /v1/admin/applications/{id}/internal-notes', {
      params: { id: this.id },
      body: { body },
    })
    this.internal.set([...(this.internal.data.value ?? []), note])
    void this.audit.load()
  }

  /** Moves the application to `status`; a message, when given, goes to the contact as a note. */
  async changeStatus(status: ApplicationStatus, message: string): Promise<void> {
    const params = { id: this.id }
    const updated = await this.client.call('POST /v1/admin/applications/{id}/status', {
      params,
      body: { status },
    })
    const detail = this.detail.data.value
    if (detail) this.detail.set({ ...detail, status: updated.status, updatedAt: updated.updatedAt })
    if (message.trim()) await this.reply(message.trim())
    void this.audit.load()
  }

  /** Downloads one attachment with the staff token. */
  download(attachment: { id: string; filename: string }): Promise<void> {
    return this.client.download(
      `/v1/admin/applications/${encodeURIComponent(this.id)}/attachments/${encodeURIComponent(attachment.id)}`,
      attachment.filename,
    )
  }
}
