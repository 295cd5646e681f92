import type {
  AcceptInvitationBody,
  ApplicationList,
  Contract,
  ContractList,
  ForgotPasswordBody,
  LoginBody,
  MeDetail,
  Module,
  PortalConfig,
  PublicProcess,
  RegisterBody,
  ResetPasswordBody,
  Session,
  StartableList,
} from '@portico/schema'
import { batch, computed, signal } from '@preact/signals'
import type { Client } from '../api/client.js'
import { fetchPortalConfig } from '../api/config.js'
import { isHttpError } from '../api/errors.js'
import { Emitter } from '../events.js'
import {
  type Catalogue,
  type Locale,
  loadCatalogue,
  loadContactCatalogue,
  resolveLocale,
  type Translate,
  translator,
} from '../i18n/index.js'
import { en } from '../i18n/messages.js'
import { newKey } from './drafts.js'
import type { UserMessage } from './errors.js'
import { FormModel, normalizeEmail, ruleValidator } from './FormModel.js'
import { ProcessFormModel } from './ProcessFormModel.js'
import { Resource } from './Resource.js'
import { type Route, urlTokens } from './routes.js'
import { sessionStore, type TokenStorage } from './session-store.js'

/** What the portal model needs. */
export interface PortalModelOptions {
  api: string
  portal: string
  /** Slug of a process to preselect. */
  process?: string
  /** Where the model reports what happens (login, new application…). @default a new Emitter */
  events?: Emitter
  /** Tags stamped on applications created from this mount (an entry point's `data-portico-tags`). */
  tags?: string[]
  /** Where the visitor came from: UTM parameters and referrer of the landing page. */
  source?: Record<string, string>
  /** The portal config already being fetched (by the loader, in parallel with the widget chunk). */
  config?: Promise<PortalConfig>
  /** Where the session token is kept. @default 'memory' */
  tokenStorage?: TokenStorage
  /** `en` or `fr`. @default the browser's language, else `en` */
  locale?: string
  /** Milliseconds before a request gives up. @default 15000 */
  timeout?: number
}

/** State and actions of one mounted portal: config, route, session and what the contact sees. */
export class PortalModel {
  readonly config = signal<PortalConfig | null>(null)
  readonly route = signal<Route>({ name: 'loading' })
  readonly failure = signal<'network' | 'not-found' | null>(null)
  readonly session = signal<Session | null>(null)
  readonly me = signal<MeDetail | null>(null)
  /** A message announced at the top of the widget (session expired, e-mail sent…). */
  readonly notice = signal<UserMessage | null>(null)
  readonly process = signal<PublicProcess | null>(null)
  readonly events: Emitter
  readonly locale: Locale
  readonly t: Translate
  readonly applications: Resource<ApplicationList>
  readonly contracts: Resource<ContractList>
  /** What the logged-in contact may start: the portal's and their authorized processes. */
  readonly startable: Resource<StartableList>
  readonly login: FormModel<{ email: string; password: string }, LoginBody>
  readonly register: FormModel<{ name: string; email: string; password: string }, RegisterBody>
  readonly forgot: FormModel<{ email: string }, ForgotPasswordBody>
  readonly reset: FormModel<{ password: string }, ResetPasswordBody>
  readonly invite: FormModel<{ name: string; password: string }, AcceptInvitationBody>
  /** Modules the contact's profile opens (all of the portal's until `me` is known). */
  readonly modules = computed<Module[]>(() => this.me.value?.modules ?? this.config.value?.modules ?? [])

  private catalogue: Catalogue = en
  private clientPromise: Promise<Client> | undefined
  private returnTo: Route | null = null
  /** The token requests carry; set before `session`, which shows the contact's views once their data is in. */
  private bearer: string | null = null
  private readonly store
  private readonly processForms = new Map<string, ProcessFormModel>()
  /**
   * Models of the contact's views (an application, a contract, the company), kept while the
   * session lasts. The views' own modules fill it, so their code loads only with them.
   */
  readonly cache = new Map<string, unknown>()
  private registerKey = newKey()

  constructor(private readonly options: PortalModelOptions) {
    this.events = options.events ?? new Emitter()
    this.locale = resolveLocale(options.locale)
    this.t = translator(() => this.catalogue)
    this.store = sessionStore(
      options.tokenStorage ?? 'memory',
      `portico:${options.api}:${options.portal}:session`,
    )
    const intercept = (error: unknown) => this.intercept(error)
    const localize = (field: string, message: string) => this.localize(field, message)
    const draftKey = (form: string) => ({ key: `portico:${options.portal}:${form}`, secret: ['password'] })
    this.login = new FormModel(
      { email: '', password: '' },
      ruleValidator<{ email: string; password: string }, LoginBody>(
        (r) => ({ email: r.email, password: (v: string) => (v ? null : 'Enter your password') }),
        localize,
        (v) => ({ email: normalizeEmail(v.email), password: v.password }),
      ),
      () => false,
      draftKey('login'),
    )
    this.register = new FormModel(
      { name: '', email: '', password: '' },
      ruleValidator<{ name: string; email: string; password: string }, RegisterBody>(
        (r) => ({ name: r.name, email: r.email, password: r.password }),
        localize,
        (v) => ({
          name: v.name.trim(),
          email: normalizeEmail(v.email),
          password: v.password,
          process: this.process.value?.slug ?? '',
        }),
      ),
      () => false,
      draftKey('register'),
    )
    this.forgot = new FormModel(
      { email: '' },
      ruleValidator<{ email: string }, ForgotPasswordBody>(
        (r) => ({ email: r.email }),
        localize,
        (v) => ({ email: normalizeEmail(v.email) }),
      ),
      () => false,
      draftKey('forgot'),
    )
    this.reset = new FormModel(
      { password: '' },
      ruleValidator<{ password: string }, ResetPasswordBody>(
        (r) => ({ password: r.password }),
        localize,
        (v) => ({ token: this.token(), password: v.password }),
      ),
    )
    this.invite = new FormModel(
      { name: '', password: '' },
      ruleValidator<{ name: string; password: string }, AcceptInvitationBody>(
        (r) => ({ password: r.password }),
        localize,
        (v) => ({
          token: this.token(),
          password: v.password,
          ...(v.name.trim() ? { name: v.name.trim() } : {}),
        }),
      ),
    )
    this.applications = new Resource(async () => (await this.client()).applications(), intercept)
    this.contracts = new Resource(async () => (await this.client()).contracts(), intercept)
    this.startable = new Resource(async () => (await this.client()).startable(), intercept)
  }

  /** The HTTP client, loaded on first use so ky stays out of the first view. */
  client(): Promise<Client> {
    this.clientPromise ??= import('../api/client.js').then(({ createClient }) =>
      createClient({
        api: this.options.api,
        portal: this.options.portal,
        token: () => this.bearer,
        ...(this.options.timeout ? { timeout: this.options.timeout } : {}),
      }),
    )
    // A failed chunk load (offline, blocked) must not stick: the next call tries again.
    this.clientPromise.catch(() => {
      this.clientPromise = undefined
    })
    return this.clientPromise
  }

  /** Loads the portal config, reads invitation and reset links, restores a session, and shows the first view. */
  async start(): Promise<void> {
    batch(() => {
      this.route.value = { name: 'loading' }
      this.failure.value = null
    })
    try {
      const prefetched = this.options.config
      // A prefetched config is used once; a retry fetches afresh.
      delete this.options.config
      const [config, catalogue] = await Promise.all([
        prefetched ?? fetchPortalConfig(this.options.api, this.options.portal, this.options.timeout),
        loadCatalogue(this.locale),
      ])
      this.catalogue = catalogue
      const preselected = config.processes.find((p) => p.slug === this.options.process)
      const only = config.processes.length === 1 ? config.processes[0] : undefined
      batch(() => {
        this.config.value = config
        this.process.value = preselected ?? only ?? null
      })
      this.events.emit('ready', { portal: config.slug })
    } catch (error) {
      batch(() => {
        this.failure.value = isHttpError(error) && error.status === 404 ? 'not-found' : 'network'
        this.route.value = { name: 'failed' }
      })
      this.events.emit('error', {
        message: error instanceof Error ? error.message : String(error),
        ...(isHttpError(error) ? { status: error.status } : {}),
      })
      return
    }
    const link = urlTokens(this.options.portal)
    if (link) {
      this.route.value = link
      return
    }
    const stored = this.store.read()
    if (stored) {
      await this.enter(stored, null)
      if (this.session.value) return
    }
    this.route.value = this.publicStart()
    // Warm the code the next step needs while the user reads the first view.
    this.client().catch(() => {})
  }

  /** The first view of a visitor: register when open (picker first on multi-process portals), else login. */
  publicStart(): Route {
    if (!this.config.value?.registrationOpen) return { name: 'login' }
    return this.process.value ? { name: 'register' } : { name: 'picker' }
  }

  /** Goes to a view; leaving a view drops its announcement. */
  navigate(route: Route): void {
    batch(() => {
      this.notice.value = null
      this.route.value = route
    })
    if (route.name === 'contracts') void this.contracts.load()
    if (route.name === 'picker' && this.session.value) void this.startable.load()
    if (route.name === 'contract') {
      this.events.emit('contract:opened', { contractId: route.id })
      void this.contract(route.id).load()
    }
  }

  /** Picks a process: a visitor goes on to register, a contact to the new-application form. */
  choose(process: PublicProcess): void {
    this.process.value = process
    const visitor: Route = this.config.value?.registrationOpen ? { name: 'register' } : { name: 'login' }
    this.navigate(this.session.value ? { name: 'new', process: process.slug } : visitor)
  }

  /** A process by slug: one of the portal's, or one the contact is authorized to start. */
  findProcess(slug: string): PublicProcess | undefined {
    return (
      this.config.value?.processes.find((p) => p.slug === slug) ??
      this.startable.data.value?.items.find((p) => p.slug === slug)
    )
  }

  /** The form of a process, with its draft. */
  processForm(process: PublicProcess): ProcessFormModel {
    let form = this.processForms.get(process.slug)
    if (!form) {
      form = new ProcessFormModel(process, `portico:${this.options.portal}:draft:${process.slug}`)
      this.processForms.set(process.slug, form)
    }
    return form
  }

  /** One shared contract. */
  contract(id: string): Resource<Contract> {
    const key = `contract:${id}`
    let resource = this.cache.get(key) as Resource<Contract> | undefined
    if (!resource) {
      resource = new Resource(
        async () => (await this.client()).contract(id),
        (error) => this.intercept(error),
      )
      this.cache.set(key, resource)
    }
    return resource
  }

  /** Downloads a contract attachment (only offered when the contract's attachments are visible). */
  async downloadContractAttachment(
    contractId: string,
    attachmentId: string,
    filename: string,
  ): Promise<void> {
    const client = await this.client()
    await this.download(client.contractAttachmentPath(contractId, attachmentId), filename)
  }

  /** Sends the registration form and the chosen process's answers; lands on the new application. */
  async submitRegister(): Promise<void> {
    const process = this.process.value
    const data = process ? this.processForm(process) : null
    const dataErrors = data ? await data.validate(this.locale, this.t('required')) : {}
    await this.register.submit(async (body) => {
      const client = await this.client()
      const session = await client.register(
        { ...body, locale: this.locale, data: data?.values.value ?? {}, ...this.stamp() },
        this.registerKey,
      )
      this.registerKey = newKey()
      if (session.applicationId) {
        this.events.emit('application:created', {
          applicationId: session.applicationId,
          process: body.process,
        })
      }
      const files = data?.files.value ?? {}
      data?.clear()
      this.register.reset()
      await this.signedIn(session)
      if (session.applicationId) await this.uploadFormFiles(session.applicationId, files)
    }, dataErrors)
    // The API names answers' fields by their form name: show those next to the process fields.
    if (data) data.showServerErrors(this.register.errors.value)
  }

  /** Sends the login form; lands on the most recent application, or back where the session expired. */
  async submitLogin(): Promise<void> {
    await this.login.submit(async (body) => {
      const session = await (await this.client()).login(body)
      this.login.reset()
      await this.signedIn(session)
    })
  }

  /** Asks for a password-reset e-mail; the answer never tells whether the e-mail has an account. */
  async submitForgot(): Promise<void> {
    const ok = await this.forgot.submit(async (body) => {
      await (await this.client()).forgotPassword(body)
    })
    if (ok) {
      this.forgot.reset()
      this.navigate({ name: 'login' })
      this.notice.value = { key: 'forgot.sent' }
    }
  }

  /** Sets a new password from the e-mailed link, then logs in. */
  async submitReset(): Promise<void> {
    await this.reset.submit(async (body) => {
      const session = await (await this.client()).resetPassword(body)
      this.reset.reset()
      await this.signedIn(session)
    })
  }

  /** Accepts an invitation by setting a password, then logs in. */
  async submitInvite(): Promise<void> {
    await this.invite.submit(async (body) => {
      const session = await (await this.client()).acceptInvitation(body)
      this.invite.reset()
      await this.signedIn(session)
    })
  }

  /** Creates a further application of a process; a retry reuses the same Idempotency-Key. */
  async submitNewApplication(form: ProcessFormModel): Promise<void> {
    const errors = await form.validate(this.locale, this.t('required'))
    const ok = await form.submission.submit(async () => {
      const client = await this.client()
      const created = await client.createApplication(
        { process: form.process.slug, data: form.values.value, ...this.stamp() },
        form.key,
      )
      this.events.emit('application:created', { applicationId: created.id, process: form.process.slug })
      const files = form.files.value
      form.clear()
      await this.applications.load()
      this.navigate({ name: 'application', id: created.id })
      await this.uploadFormFiles(created.id, files)
    }, errors)
    if (!ok) form.showServerErrors(form.submission.errors.value)
  }

  /** Logs out here (the token is revoked on the server when it can be reached). */
  async logout(): Promise<void> {
    const client = this.session.value ? await this.client().catch(() => null) : null
    await client?.logout().catch(() => {})
    this.leave()
    this.navigate({ name: 'login' })
    this.events.emit('logout', {})
  }

  /** An expired or revoked session: back to login, then back to where the contact was. */
  intercept(error: unknown): boolean {
    if (!(isHttpError(error) && error.status === 401 && this.session.value)) return false
    this.returnTo = this.route.value
    this.leave()
    this.navigate({ name: 'login' })
    this.notice.value = { key: 'session.expired' }
    this.events.emit('logout', {})
    return true
  }

  private async signedIn(session: Session): Promise<void> {
    this.store.write(session)
    this.events.emit('login', { contactId: session.contact.id, email: session.contact.email })
    await this.enter(session, session.applicationId)
  }

  /** Loads who the contact is and their applications, then shows their views where they land. */
  private async enter(session: Session, landing: string | null): Promise<void> {
    this.bearer = session.token
    let expired = false
    const client = await this.client().catch(() => null)
    const [me, messages] = await Promise.all([
      client?.me().catch((error: unknown) => {
        expired = isHttpError(error) && error.status === 401
        return null
      }),
      loadContactCatalogue(this.locale).catch(() => ({})),
      this.applications.load(),
    ])
    this.catalogue = { ...this.catalogue, ...messages }
    if (expired || this.applications.failure.value === 'unauthorized') {
      // A stored session that the API no longer knows: start as a visitor.
      this.leave()
      this.navigate(this.publicStart())
      return
    }
    const back = this.returnTo
    this.returnTo = null
    const latest = landing ?? this.applications.data.value?.items[0]?.id ?? null
    batch(() => {
      this.me.value = me ?? null
      this.session.value = session
    })
    this.navigate(back ?? (latest ? { name: 'application', id: latest } : { name: 'picker' }))
  }

  private leave(): void {
    this.bearer = null
    this.store.clear()
    this.cache.clear()
    batch(() => {
      this.session.value = null
      this.me.value = null
      this.applications.data.value = undefined
      this.startable.data.value = undefined
      this.contracts.data.value = undefined
    })
  }

  /**
   * Uploads the files chosen in a process form once their application exists, on the application's
   * page, where each one's progress, and any refusal, shows with its name.
   */
  private async uploadFormFiles(applicationId: string, files: Record<string, File>): Promise<void> {
    const entries = Object.entries(files)
    if (entries.length === 0) return
    const { applicationModel } = await import('./ApplicationModel.js')
    const application = applicationModel(this, applicationId)
    for (const [field, file] of entries) await application.upload([file], field)
  }

  private stamp(): { tags?: string[]; source?: Record<string, string> } {
    return {
      ...(this.options.tags?.length ? { tags: this.options.tags } : {}),
      ...(this.options.source && Object.keys(this.options.source).length
        ? { source: this.options.source }
        : {}),
    }
  }

  private token(): string {
    const route = this.route.value
    return route.name === 'reset' || route.name === 'invite' ? route.token : ''
  }

  /** Puts a field's validation message into the widget's language. */
  localize(field: string, message: string): string {
    const key = `invalid.${field}`
    return key in INVALID_KEYS ? this.t(key as keyof typeof INVALID_KEYS) : message
  }

  /** Downloads a file with the session token and hands it to the browser as a download. */
  async download(path: string, filename: string): Promise<void> {
    const blob = await (await this.client()).download(path)
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = filename
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
}

/** Fields whose client-side messages come from the widget's catalogues rather than the schema's English. */
const INVALID_KEYS = { 'invalid.name': 1, 'invalid.email': 1, 'invalid.password': 1, 'invalid.body': 1 }
