import type { ApplicationDetail, NoteBody, NoteList } from '@portico/schema'
import { signal } from '@preact/signals'
import type { Client } from '../api/client.js'
import { classify, type Failure, messageOf, type UserMessage } from './errors.js'
import { FormModel, ruleValidator } from './FormModel.js'
import { Resource } from './Resource.js'
import { type ViewRegistry, viewKey } from './registry.js'

/** One upload in progress or finished. */
export interface Upload {
  id: number
  name: string
  size: number
  progress: number
  state: 'uploading' | 'done' | 'failed' | 'cancelled'
  message: UserMessage | null
}

/** What an upload may be (the portal config says; the API checks again). */
export interface UploadRules {
  maxBytes: number
  allowedTypes: string[]
}

/** What an application model needs from the portal model. */
export interface ApplicationContext {
  client(): Promise<Client>
  intercept(error: unknown): boolean
  localize(field: string, message: string): string
  download(path: string, filename: string): Promise<void>
  readonly contact: { readonly views: ViewRegistry }
}

/** The model of one application, kept in the session's view registry while the session lasts. */
export function applicationModel(portal: ApplicationContext, id: string): ApplicationModel {
  return portal.contact.views.get(
    viewKey<ApplicationModel>(`application:${id}`),
    () => new ApplicationModel(id, portal),
  )
}

let uploadIds = 0

/** One application: its detail, notes timeline, the note form and uploads. */
export class ApplicationModel {
  readonly detail: Resource<ApplicationDetail>
  readonly notes: Resource<NoteList>
  readonly note: FormModel<{ body: string }, NoteBody>
  readonly uploads = signal<Upload[]>([])

  constructor(
    readonly id: string,
    private readonly ctx: ApplicationContext,
  ) {
    const intercept = (error: unknown) => ctx.intercept(error)
    const localize = (field: string, message: string) => ctx.localize(field, message)
    this.detail = new Resource(async () => (await ctx.client()).application(id), intercept)
    this.notes = new Resource(async () => (await ctx.client()).notes(id), intercept)
    this.note = new FormModel(
      { body: '' },
      ruleValidator<{ body: string }, NoteBody>(
        (r) => ({ body: r.note }),
        localize,
        (v) => ({ body: v.body.trim() }),
      ),
      intercept,
      { key: `portico:note:${id}`, secret: [] },
    )
  }

  /** Whether earlier notes are being fetched, and what went wrong the last time. */
  readonly earlier = signal<{ loading: boolean; failure: Failure | null }>({ loading: false, failure: null })

  /**
   * Fetches the page of notes before the oldest one shown (threads open at their newest page) and
   * puts it on top of the timeline.
   */
  async loadEarlier(): Promise<void> {
    const shown = this.notes.data.value
    if (!shown?.nextCursor || this.earlier.value.loading) return
    this.earlier.value = { loading: true, failure: null }
    try {
      const page = await (await this.ctx.client()).notes(this.id, { cursor: shown.nextCursor })
      const now = this.notes.data.value ?? shown
      const seen = new Set(now.items.map((n) => n.id))
      this.notes.data.value = {
        items: [...page.items.filter((n) => !seen.has(n.id)), ...now.items],
        nextCursor: page.nextCursor,
      }
      this.earlier.value = { loading: false, failure: null }
    } catch (error) {
      if (this.ctx.intercept(error)) return
      this.earlier.value = { loading: false, failure: classify(error) }
    }
  }

  /** Loads the detail and the timeline. */
  load(): Promise<unknown> {
    return Promise.all([this.detail.load(), this.notes.load()])
  }

  /** Adds a note, then shows it in the timeline. */
  async addNote(): Promise<boolean> {
    const ok = await this.note.submit(async (body) => {
      const note = await (await this.ctx.client()).addNote(this.id, body)
      const notes = this.notes.data.value
      this.notes.data.value = {
        items: [...(notes?.items ?? []), note],
        nextCursor: notes?.nextCursor ?? null,
      }
    })
    if (ok) this.note.reset()
    return ok
  }

  /** Uploads files one after the other, showing each one's progress; `field` names the form field they answer. */
  async upload(files: readonly File[], field: string | null = null, rules?: UploadRules): Promise<void> {
    for (const file of files) {
      const id = ++uploadIds
      this.pending.set(id, { file, field })
      this.uploads.value = [
        ...this.uploads.value,
        { id, name: file.name, size: file.size, progress: 0, state: 'uploading', message: null },
      ]
      // Refused before sending when the portal's rules say so: no waiting for a 413 or a 415.
      const refused =
        rules && file.size > rules.maxBytes
          ? 'attachments.tooLarge'
          : rules && file.type && !rules.allowedTypes.includes(file.type)
            ? 'attachments.wrongType'
            : null
      if (refused) this.update(id, { state: 'failed', message: { key: refused } })
      else await this.send(id)
    }
  }

  /** Sends a failed or cancelled upload again. */
  retry(id: number): Promise<void> {
    this.update(id, { state: 'uploading', progress: 0, message: null })
    return this.send(id)
  }

  /** Cancels an upload in progress. */
  cancel(id: number): void {
    this.controllers.get(id)?.abort()
  }

  private readonly pending = new Map<number, { file: File; field: string | null }>()
  private readonly controllers = new Map<number, AbortController>()

  private update(id: number, patch: Partial<Upload>): void {
    this.uploads.value = this.uploads.value.map((u) => (u.id === id ? { ...u, ...patch } : u))
  }

  private async send(id: number): Promise<void> {
    const item = this.pending.get(id)
    if (!item) return
    // Set before anything is awaited: Cancel shows at once and must work at once.
    const controller = new AbortController()
    this.controllers.set(id, controller)
    const client = await this.ctx.client().catch(() => null)
    if (!client) {
      this.update(id, { state: 'failed', message: { key: 'error.network' } })
      return
    }
    try {
      const attachment = await client.uploadAttachment(
        this.id,
        item.file,
        item.field,
        (progress) => this.update(id, { progress }),
        controller.signal,
      )
      this.update(id, { progress: 1, state: 'done' })
      this.pending.delete(id)
      const detail = this.detail.data.value
      // While the detail is still loading, its answer may predate this upload: load it again. A
      // detail read after the file was stored (a live reload) lists it already: never twice.
      if (detail && this.detail.status.value === 'ready') {
        const others = detail.attachments.filter((a) => a.id !== attachment.id)
        this.detail.data.value = { ...detail, attachments: [...others, attachment] }
      } else void this.detail.load()
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError')
        this.update(id, { state: 'cancelled', message: null })
      else if (!this.ctx.intercept(error)) this.update(id, { state: 'failed', message: messageOf(error) })
    } finally {
      this.controllers.delete(id)
    }
  }

  /** Downloads one attachment of the application. */
  async download(attachmentId: string, filename: string): Promise<void> {
    const client = await this.ctx.client()
    await this.ctx.download(client.attachmentPath(this.id, attachmentId), filename)
  }
}
