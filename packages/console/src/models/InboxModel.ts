import type { ApplicationStatus, Assignee, InboxItem, InboxPage } from '@portico/schema'
import { batch, computed, signal } from '@preact/signals'
import type { Client } from '../api/client.js'
import { Resource } from './Resource.js'

/** What the inbox is filtered by. */
export interface InboxFilters {
  status?: ApplicationStatus | undefined
  tag?: string | undefined
  portal?: string | undefined
  process?: string | undefined
  /** `me`, `none` or a staff user's id. */
  assignee?: string | undefined
  /** Only applications the viewer has not read since the contact's latest activity. */
  unread?: 'true' | undefined
  q?: string | undefined
}

/** The staff inbox: filters, pages of applications, counts, and the row the keyboard is on. */
export class InboxModel {
  readonly filters = signal<InboxFilters>({})
  readonly items = signal<InboxItem[]>([])
  readonly counts = signal<InboxPage['counts']>({ statuses: [], tags: [] })
  readonly nextCursor = signal<string | null>(null)
  readonly status = signal<'loading' | 'ready' | 'error'>('loading')
  readonly error = signal<unknown>(null)
  readonly loadingMore = signal(false)
  /** Index of the row j/k (or the arrows) moved to. */
  readonly selected = signal(0)
  readonly total = computed(() => this.counts.value.statuses.reduce((sum, s) => sum + s.count, 0))
  /** Colleagues the inbox can be filtered by. */
  readonly assignees: Resource<Assignee[]>
  private run = 0

  constructor(private readonly client: Client) {
    this.assignees = new Resource(async () => (await client.call('GET /v1/admin/assignees')).items)
  }

  /** Changes filters (merged with the current ones) and reloads from the first page. */
  setFilters(patch: InboxFilters): void {
    this.filters.value = { ...this.filters.value, ...patch }
    void this.load()
  }

  /** Loads the first page for the current filters; an older answer never overwrites a newer one. */
  async load(): Promise<void> {
    const run = ++this.run
    if (!this.items.value.length) this.status.value = 'loading'
    try {
      const page = await this.client.call('GET /v1/admin/inbox', { query: this.filters.value })
      if (run !== this.run) return
      batch(() => {
        this.items.value = page.items
        this.counts.value = page.counts
        this.nextCursor.value = page.nextCursor
        this.selected.value = 0
        this.status.value = 'ready'
        this.error.value = null
      })
    } catch (error) {
      if (run !== this.run) return
      batch(() => {
        this.error.value = error
        this.status.value = 'error'
      })
    }
  }

  /** Appends the next page. */
  async loadMore(): Promise<void> {
    const cursor = this.nextCursor.value
    if (!cursor || this.loadingMore.value) return
    const run = this.run
    this.loadingMore.value = true
    try {
      const page = await this.client.call('GET /v1/admin/inbox', { query: { ...this.filters.value, cursor } })
      if (run !== this.run) return
      batch(() => {
        this.items.value = [...this.items.value, ...page.items]
        this.nextCursor.value = page.nextCursor
      })
    } catch (error) {
      this.error.value = error
    } finally {
      this.loadingMore.value = false
    }
  }

  /** Moves the keyboard selection by `delta` rows, staying inside the list. */
  move(delta: number): void {
    const last = this.items.value.length - 1
    this.selected.value = Math.max(0, Math.min(last, this.selected.value + delta))
  }

  /** The row under the keyboard selection. */
  current(): InboxItem | undefined {
    return this.items.value[this.selected.value]
  }

  /** How many applications have `status` for the current filters. */
  countOf(status: ApplicationStatus): number {
    return this.counts.value.statuses.find((s) => s.status === status)?.count ?? 0
  }
}
