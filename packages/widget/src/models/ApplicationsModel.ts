import type { Application } from '@portico/schema'
import { batch, signal } from '@preact/signals'
import type { Client } from '../api/client.js'
import { classify, type Failure } from './errors.js'
import { type ViewRegistry, viewKey } from './registry.js'

/** The dashboard's list of applications, kept in the session's view registry. */
export function applicationsModel(portal: {
  client(): Promise<Client>
  intercept(error: unknown): boolean
  readonly contact: { readonly views: ViewRegistry }
}): ApplicationsModel {
  return portal.contact.views.get(
    LIST,
    () =>
      new ApplicationsModel(
        () => portal.client(),
        (error) => portal.intercept(error),
      ),
  )
}

const LIST = viewKey<ApplicationsModel>('applications')

/** Pages of the contact's applications (and their company's when the profile shares them), most recent first. */
export class ApplicationsModel {
  readonly items = signal<Application[] | undefined>(undefined)
  /** The cursor of the next page; null when the last page is in. */
  readonly next = signal<string | null>(null)
  readonly status = signal<'idle' | 'loading' | 'ready' | 'error'>('idle')
  readonly failure = signal<Failure | null>(null)
  private run = 0

  constructor(
    private readonly client: () => Promise<Client>,
    private readonly intercept: (error: unknown) => boolean,
  ) {}

  /** Loads the first page again (`more`: the next page, added below the ones shown). */
  async load(more = false): Promise<void> {
    const cursor = more ? this.next.value : null
    if (more && !cursor) return
    const run = ++this.run
    batch(() => {
      this.status.value = 'loading'
      this.failure.value = null
    })
    try {
      const page = await (await this.client()).applications(
        cursor ? { cursor, limit: PAGE } : { limit: PAGE },
      )
      // An older answer never overwrites a newer one.
      if (run !== this.run) return
      batch(() => {
        this.items.value = cursor ? [...(this.items.value ?? []), ...page.items] : page.items
        this.next.value = page.nextCursor
        this.status.value = 'ready'
      })
    } catch (error) {
      if (run !== this.run || this.intercept(error)) return
      batch(() => {
        this.failure.value = classify(error)
        this.status.value = 'error'
      })
    }
  }
}

/** Applications per page of the dashboard. */
export const PAGE = 20
