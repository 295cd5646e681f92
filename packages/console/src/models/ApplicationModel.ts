import type { ApplicationStatus, Assignee } from '@portico/schema'
import { signal } from '@preact/signals'
import type { Client } from '../api/client.js'
import type { ApplicationView, AuditEntry, InternalNote, Process } from '../api/endpoints.js'
import { Resource } from './Resource.js'
import { Timeline } from './Timeline.js'

/** One application as staff work on it: detail, form labels, internal notes, audit trail, actions. */
export class ApplicationModel {
  readonly detail: Resource<ApplicationView>
  readonly process: Resource<Process>
  readonly internal: Timeline<InternalNote>
  readonly audit: Timeline<AuditEntry>
  /** Earlier notes of the thread with the contact (the detail holds its newest page). */
  readonly earlierNotes = signal<{ loading: boolean; error: unknown }>({ loading: false, error: null })
  /** The colleagues the application can be assigned to. */
  readonly assignees: Resource<Assignee[]>

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
    this.internal = new Timeline((cursor) =>
      client.call('GET /v1/admin/applications/{id}/internal-notes', {
        params,
        query: cursor ? { cursor } : {},
      }),
    )
    this.audit = new Timeline((cursor) =>
      client.call('GET /v1/admin/applications/{id}/audit', { params, query: cursor ? { cursor } : {} }),
    )
    this.assignees = new Resource(async () => (await client.call('GET /v1/admin/assignees')).items)
  }

  /** Loads everything the view shows, and marks the application read for the staff user. */
  async load(): Promise<void> {
    await this.detail.load()
    if (this.detail.status.value !== 'ready') return
    await Promise.all([
      this.markRead(),
      this.process.load(),
      this.internal.load(),
      this.audit.load(),
      this.assignees.load(),
    ])
  }

  /** Puts the page of notes before the oldest one shown on top of the thread. */
  async loadEarlierNotes(): Promise<void> {
    const cursor = this.detail.data.value?.notesNextCursor
    if (!cursor || this.earlierNotes.value.loading) return
    this.earlierNotes.value = { loading: true, error: null }
    try {
      const page = await this.client.call('GET /v1/admin/applications/{id}/notes', {
        params: { id: this.id },
        query: { cursor },
      })
      const detail = this.detail.data.value
      if (detail) {
        const seen = new Set(detail.notes.map((n) => n.id))
        this.detail.set({
          ...detail,
          notes: [...page.items.filter((n) => !seen.has(n.id)), ...detail.notes],
          notesNextCursor: page.nextCursor,
        })
      }
      this.earlierNotes.value = { loading: false, error: null }
    } catch (error) {
      this.earlierNotes.value = { loading: false, error }
    }
  }

  /** Tells the API the staff user has seen the application: its inbox row loses the unread mark. */
  async markRead(): Promise<void> {
    try {
      await this.client.call('PUT /v1/admin/applications/{id}/read', { params: { id: this.id } })
    } catch {
      // A failed mark only leaves the inbox row marked unread; the view itself is fine.
    }
  }

  /** Puts a colleague in charge (`null`: nobody). */
  async assign(staffUserId: string | null): Promise<void> {
    const { assignee } = await this.client.call('PUT /v1/admin/applications/{id}/assignee', {
      params: { id: this.id },
      body: { staffUserId },
    })
    const detail = this.detail.data.value
    if (detail) this.detail.set({ ...detail, assignee })
    void this.audit.load()
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
    this.internal.items.set([...(this.internal.items.data.value ?? []), note])
    void this.audit.load()
  }

  /**
   * Moves the application to `status` with the message, if any: the API keeps the message in the
   * status history the contact reads and puts it in the status mail (one mail, not two).
   */
  async changeStatus(status: ApplicationStatus, message: string): Promise<void> {
    const params = { id: this.id }
    const text = message.trim()
    const updated = await this.client.call('POST /v1/admin/applications/{id}/status', {
      params,
      body: text ? { status, message: text } : { status },
    })
    const detail = this.detail.data.value
    if (detail) this.detail.set({ ...detail, status: updated.status, updatedAt: updated.updatedAt })
    // The history (with the message) comes back with the detail; the status shows at once meanwhile.
    void this.detail.load()
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
