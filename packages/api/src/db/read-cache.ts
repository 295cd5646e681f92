import type { Kysely } from 'kysely'
import { dataGeneration } from './generation.js'

interface Entry<V> {
  generation: string
  value: V
}

/**
 * Answers of one hot read, kept per database while its committed data is unchanged: an entry is
 * served only under the {@link dataGeneration} it was read under, so any write committed since (by
 * this process or, told by `data_version` or PostgreSQL's notices, another) makes every entry stale.
 * Values are shared between requests: never change one. At most `size` entries per database, the
 * least recently used leave first.
 */
export class ReadCache<V> {
  private readonly byDatabase = new WeakMap<object, Map<string, Entry<V>>>()
  constructor(private readonly size: number) {}

  /**
   * The value of `key`, read by `load` unless a fresh one is kept. `keep` says whether a loaded
   * value may be kept (e.g. not a miss that a guessing client could fill the cache with).
   */
  // biome-ignore lint/suspicious/noExplicitAny: any database of the project, or a transaction on it
  async read(db: Kysely<any>, key: string, load: () => Promise<V>, keep: (value: V) => boolean = () => true) {
    const generation = dataGeneration(db)
    if (generation === undefined) return load()
    let entries = this.byDatabase.get(db)
    if (!entries) {
      entries = new Map()
      this.byDatabase.set(db, entries)
    }
    const hit = entries.get(key)
    if (hit) {
      entries.delete(key)
      if (hit.generation === generation) {
        entries.set(key, hit)
        return hit.value
      }
    }
    const value = await load()
    if (keep(value)) {
      if (entries.size >= this.size) {
        const oldest = entries.keys().next()
        if (!oldest.done) entries.delete(oldest.value)
      }
      entries.set(key, { generation, value })
    }
    return value
  }
}
