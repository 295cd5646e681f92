/** A key of the {@link ViewRegistry}, typed by the model it holds (the type costs the bundle nothing). */
export interface ViewKey<T> {
  readonly name: string
  /** Never set: carries the model's type. */
  readonly model?: T
}

/** A key for a view model, e.g. `viewKey<CompanyModel>('company')`. */
export function viewKey<T>(name: string): ViewKey<T> {
  return { name }
}

/**
 * Models of the contact's views (an application, a contract, the company), kept while the session
 * lasts and dropped when it ends. The views' own modules fill it, so their code loads only with them;
 * each key carries its model's type, so nothing is read back with a cast.
 */
export class ViewRegistry {
  private readonly models = new Map<string, unknown>()

  /** The model under a key, created on first use. */
  get<T>(key: ViewKey<T>, create: () => T): T {
    if (this.models.has(key.name)) return this.models.get(key.name) as T
    const model = create()
    this.models.set(key.name, model)
    return model
  }

  /** The model under a key, if a view made it (live updates refresh only what is shown or kept). */
  find<T>(key: ViewKey<T>): T | undefined {
    return this.models.get(key.name) as T | undefined
  }

  /** Forgets every model (the session ended: the next contact starts afresh). */
  clear(): void {
    this.models.clear()
  }
}
