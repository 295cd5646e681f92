import type { ApplicationDetail, NoteBody, NoteList } from '@portico/schema'
import { signal } from '@preact/signals'
import type { Client } from '../api/client.js'
import { messageOf, type UserMessage } from './errors.js'
import { FormModel, ruleValidator } from './FormModel.js'
import { Resource } from './Resource.js'
import { type ViewRegistry, viewKey } from './registry.js'

/** One upload in progress or finished. */
export interface Upload {
  id: number
  name: string
  progress: number
  message: UserMessage | null
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

  /** Loads the detail and the timeline. */
  load(): Promise<unknown> {
    return Promise.all([this.detail.load(), this.notes.load()])
  }

  /** Adds a note, then shows it in the timeline. */
  async addNote(): Promise<boolean> {
    const ok = await this.note.submit(async (body) => {
      const note = await (await this.ctx.client()).addNote(this.id, body)
      const items = this.notes.data.value?.items ?? []
      this.notes.data.value = { items: [...items, note] }
    })
    if (ok) this.note.reset()
    return ok
  }

  /** Uploads files one after the other, showing each one's progress; `field` names the form field they answer. */
  async upload(files: readonly File[], field: string | null = null): Promise<void> {
    const client = await this.ctx.client().catch(() => null)
    for (const file of files) {
      const id = ++uploadIds
      this.uploads.value = [
        ...this.uploads.value,
        { id, name: file.name, progress: 0, message: client ? null : { key: 'error.network' } },
      ]
      if (!client) continue
      const update = (patch: Partial<Upload>) => {
        this.uploads.value = this.uploads.value.map((u) => (u.id === id ? { ...u, ...patch } : u))
      }
      try {
        const attachment = await client.uploadAttachment(this.id, file, field, (progress) =>
          update({ progress }),
        )
        update({ progress: 1 })
        const detail = this.detail.data.value
        // While the detail is still loading, its answer may predate this upload: load it again.
        if (detail && this.detail.status.value === 'ready') {
          this.detail.data.value = { ...detail, attachments: [...detail.attachments, attachment] }
        } else void this.detail.load()
      } catch (error) {
        if (!this.ctx.intercept(error)) update({ message: messageOf(error) })
      }
    }
  }

  /** Downloads one attachment of the application. */
  async download(attachmentId: string, filename: string): Promise<void> {
    const client = await this.ctx.client()
    await this.ctx.download(client.attachmentPath(this.id, attachmentId), filename)
  }
}
