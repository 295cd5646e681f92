import type {
  CompiledQuery,
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely'

/**
 * The PostgreSQL channel every committed write statement notifies (a statement-level trigger on
 * every table, migration 0022): each API process listening on it knows its cached reads are stale.
 */
export const DATA_CHANNEL = 'portico_data'

/** What a database's generation is made of: this process's writes, and a source for everyone else's. */
export interface GenerationSource {
  /** A token that changes whenever another process committed a write, or `undefined` when unknown. */
  others(): string | number | undefined
  /** Whether a transaction is open on the connection plain reads use (SQLite has only one). */
  inTransaction?(): boolean
  close?(): Promise<void>
}

interface Tracker {
  local: number
  source: GenerationSource | undefined
}

const trackers = new WeakMap<object, Tracker>()

/**
 * A token for the committed data of the database `db` reads: any write committed since by this
 * process or another changes it. `undefined` when it cannot be known (inside a transaction, while
 * PostgreSQL's change notices are not being listened to, a database not opened by `openDatabase`):
 * nothing is then served from or kept in a cache. Read it before the read it guards, never after.
 */
// biome-ignore lint/suspicious/noExplicitAny: any database of the project, or a transaction on it
export function dataGeneration(db: Kysely<any>): string | undefined {
  if (db.isTransaction) return undefined
  const tracker = trackers.get(db)
  if (!tracker?.source || tracker.source.inTransaction?.()) return undefined
  const others = tracker.source.others()
  return others === undefined ? undefined : `${others}:${tracker.local}`
}

/** Starts reporting generations for `db` from `source`. */
// biome-ignore lint/suspicious/noExplicitAny: any database of the project
export function trackGeneration(db: Kysely<any>, tracker: Tracker, source: GenerationSource): void {
  tracker.source = source
  trackers.set(db, tracker)
}

/** A new count of this process's writes, for {@link trackingWrites} and {@link trackGeneration}. */
export function writeTracker(): Tracker {
  return { local: 0, source: undefined }
}

// Only a SELECT (or a raw statement that starts as one) is sure to change nothing.
const READ_ONLY = /^\s*(select|pragma\s+\w+\s*$|explain)\b/i
function isRead(query: CompiledQuery): boolean {
  return query.query.kind === 'SelectQueryNode' || READ_ONLY.test(query.sql)
}

class TrackingConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly tracker: Tracker,
  ) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(query)
    } finally {
      // Counted once the statement is done: a read that began before sees the old count, and what
      // it cached under that count is never served again.
      if (!isRead(query)) this.tracker.local++
    }
  }
  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize)
  }
}

class TrackingDriver implements Driver {
  private readonly wrapped = new WeakMap<DatabaseConnection, TrackingConnection>()
  constructor(
    private readonly inner: Driver,
    private readonly tracker: Tracker,
  ) {}
  init(): Promise<void> {
    return this.inner.init()
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection()
    let tracking = this.wrapped.get(connection)
    if (!tracking) {
      tracking = new TrackingConnection(connection, this.tracker)
      this.wrapped.set(connection, tracking)
    }
    return tracking
  }
  private innerOf(connection: DatabaseConnection): DatabaseConnection {
    return connection instanceof TrackingConnection ? connection.inner : connection
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(this.innerOf(connection), settings)
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.commitTransaction(this.innerOf(connection))
    } finally {
      // The transaction's writes become visible now: what was read and cached meanwhile is stale.
      this.tracker.local++
    }
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.rollbackTransaction(this.innerOf(connection))
    } finally {
      this.tracker.local++
    }
  }
  savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['savepoint']>>[2],
  ) {
    return this.inner.savepoint?.(this.innerOf(connection), name, compile) ?? Promise.resolve()
  }
  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['rollbackToSavepoint']>>[2],
  ) {
    return this.inner.rollbackToSavepoint?.(this.innerOf(connection), name, compile) ?? Promise.resolve()
  }
  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['releaseSavepoint']>>[2],
  ) {
    return this.inner.releaseSavepoint?.(this.innerOf(connection), name, compile) ?? Promise.resolve()
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(this.innerOf(connection))
  }
  destroy(): Promise<void> {
    return this.inner.destroy()
  }
}

/** `dialect`, counting every statement that may write and every transaction's end in `tracker`. */
export function trackingWrites(dialect: Dialect, tracker: Tracker): Dialect {
  return {
    createDriver: (): Driver => new TrackingDriver(dialect.createDriver(), tracker),
    createQueryCompiler: (): QueryCompiler => dialect.createQueryCompiler(),
    createAdapter: (): DialectAdapter => dialect.createAdapter(),
    // biome-ignore lint/suspicious/noExplicitAny: the introspector takes any Kysely instance
    createIntrospector: (db: Kysely<any>): DatabaseIntrospector => dialect.createIntrospector(db),
  }
}

/** How long after a lost notice connection the next one is opened. */
const RETRY_MS = 1000

interface ListeningClient {
  connect(): Promise<unknown>
  query(sql: string): Promise<unknown>
  end(): Promise<void>
  on(event: 'notification', listener: (message: { channel: string }) => void): unknown
  on(event: 'error' | 'end', listener: () => void): unknown
}

/**
 * Other processes' writes on PostgreSQL, as told by {@link DATA_CHANNEL}: one connection per
 * process listens, opened on first use. Until it listens, and whenever it is lost, the generation
 * is unknown (nothing is cached); each notice, and each new connection, starts a new one.
 */
export function postgresChanges(connect: () => ListeningClient): GenerationSource {
  let notices = 0
  let listening = false
  let client: ListeningClient | undefined
  let closed = false
  // After a failed or lost connection, the next attempt waits a second: requests meanwhile read
  // the database, and a database that is down is not asked for a connection on every request.
  let retryAt = 0
  function open() {
    const c = connect()
    client = c
    const lost = () => {
      if (client !== c) return
      listening = false
      client = undefined
      retryAt = Date.now() + RETRY_MS
      void c.end().catch(() => {})
    }
    c.on('notification', (message) => {
      if (message.channel === DATA_CHANNEL) notices++
    })
    c.on('error', lost)
    c.on('end', lost)
    c.connect()
      .then(() => c.query(`LISTEN ${DATA_CHANNEL}`))
      .then(() => {
        if (client !== c) return
        notices++
        listening = true
      }, lost)
  }
  return {
    others() {
      if (!listening && !client && !closed && Date.now() >= retryAt) open()
      return listening ? notices : undefined
    },
    async close() {
      closed = true
      listening = false
      const c = client
      client = undefined
      await c?.end().catch(() => {})
    },
  }
}
