import { batch, signal } from '@preact/signals'

/** A page of a list API: `nextCursor` (or the last item's time, for APIs that page by `before`). */
export interface ListPage<T> {
  items: T[]
  nextCursor?: string | null
}

/** A list loaded page by page with a filter; an older answer never overwrites a newer one. */
export class PagedList<T, F extends object> {
  readonly items = signal<T[]>([])
  readonly status = signal<'loading' | 'ready' | 'error'>('loading')
  readonly error = signal<unknown>(null)
  readonly more = signal(false)
  readonly filter
  private next: { cursor?: string; before?: string } | null = null
  private run = 0

  constructor(
    private readonly fetchPage: (
      filter: F,
      page: { cursor?: string; before?: string; limit: number },
    ) => Promise<ListPage<T>>,
    initial: F,
    private readonly timeOf: (item: T) => string,
    private readonly limit = 50,
  ) {
    this.filter = signal<F>(initial)
  }

  /** Loads the first page for `filter` (merged with the current one). */
  async load(filter: Partial<F> = {}): Promise<void> {
    this.filter.value = { ...this.filter.value, ...filter }
    const run = ++this.run
    this.status.value = 'loading'
    await this.fetch(run, {}, true)
  }

  /** Appends the next page. */
  async loadMore(): Promise<void> {
    if (!this.next) return
    await this.fetch(this.run, this.next, false)
  }

  private async fetch(
    run: number,
    page: { cursor?: string; before?: string },
    replace: boolean,
  ): Promise<void> {
    try {
      const answer = await this.fetchPage(this.filter.value, { ...page, limit: this.limit })
      if (run !== this.run) return
      const last = answer.items[answer.items.length - 1]
      batch(() => {
        this.items.value = replace ? answer.items : [...this.items.value, ...answer.items]
        // Lists with a cursor say when there is more; older lists page by time while pages are full.
        if (answer.nextCursor) this.next = { cursor: answer.nextCursor }
        else if (answer.nextCursor === undefined && last && answer.items.length >= this.limit)
          this.next = { before: this.timeOf(last) }
        else this.next = null
        this.more.value = this.next !== null
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
}
