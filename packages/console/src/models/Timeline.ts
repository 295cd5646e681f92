import { signal } from '@preact/signals'
import { Resource } from './Resource.js'

/** A page of a timeline as the API answers it: the newest items, oldest first, and earlier pages' cursor. */
export interface TimelinePage<T> {
  items: T[]
  nextCursor: string | null
}

/**
 * A thread or trail that opens at its newest page (oldest first) and fetches earlier pages on
 * demand, putting them on top: internal notes and audit trails.
 */
export class Timeline<T extends { id: string }> {
  readonly items: Resource<T[]>
  /** The cursor of the page before the oldest item shown; `null` once everything is shown. */
  readonly cursor = signal<string | null>(null)
  /** Whether an earlier page is on its way, and what went wrong the last time. */
  readonly earlier = signal<{ loading: boolean; error: unknown }>({ loading: false, error: null })

  constructor(private readonly fetchPage: (cursor?: string) => Promise<TimelinePage<T>>) {
    this.items = new Resource(async () => {
      const page = await fetchPage()
      this.cursor.value = page.nextCursor
      return page.items
    })
  }

  /** Loads (or reloads) the newest page. */
  load(): Promise<void> {
    return this.items.load()
  }

  /** Puts the page before the oldest item shown on top. */
  async loadEarlier(): Promise<void> {
    const cursor = this.cursor.value
    if (!cursor || this.earlier.value.loading) return
    this.earlier.value = { loading: true, error: null }
    try {
      const page = await this.fetchPage(cursor)
      const shown = this.items.data.value ?? []
      const seen = new Set(shown.map((item) => item.id))
      this.items.set([...page.items.filter((item) => !seen.has(item.id)), ...shown])
      this.cursor.value = page.nextCursor
      this.earlier.value = { loading: false, error: null }
    } catch (error) {
      this.earlier.value = { loading: false, error }
    }
  }
}
