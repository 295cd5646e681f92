import type {
  ApplicationList,
  Contract,
  ContractList,
  Module,
  PortalConfig,
  PublicProcess,
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
  resolveLocale,
  type Translate,
  translator,
} from '../i18n/index.js'
import { en } from '../i18n/messages.js'
import { type AuthForms, createAuthForms, isAuthForm } from './auth-forms.js'
import type { IdentitySource } from './contact-flow.js'
import { newKey } from './drafts.js'
import type { ProcessFormModel } from './ProcessFormModel.js'
import { ProcessFormModel as ProcessForm } from './ProcessFormModel.js'
import { Resource } from './Resource.js'
import { viewKey } from './registry.js'
import { Router } from './router.js'
import { type Route, urlTokens } from './routes.js'
import { ContactSession } from './session.js'
import type { TokenStorage } from './session-store.js'

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
  /** Level of the portal's title (its views' headings are one below). @default 2 */
  headingLevel?: number
  /** The element the portal is mounted in: live events are dispatched on it as `portico:<type>` DOM events. */
  host?: Element
  /** The host's signed-in person, exchanged for a session before the login form shows (docs/identify.md). */
  identity?: IdentitySource
}

/** What new applications are stamped with: the mount's (or entry point's) tags and source. */
export interface Stamp {
  tags: string[]
  source: Record<string, string>
}

/** State and actions of one mounted portal: config, the first views, and the contact's session. */
export class PortalModel {
  readonly config = signal<PortalConfig | null>(null)
  readonly failure = signal<'network' | 'not-found' | null>(null)
  readonly process = signal<PublicProcess | null>(null)
  readonly events: Emitter
  /** The widget's language: set before the first view shows, and kept while the portal lives. */
  locale: Locale
  /** Level of the portal's title heading; views use the next levels. */
  readonly headingLevel: number
  readonly t: Translate
  readonly router: Router
  readonly contact: ContactSession
  /** The login, register, forgot, reset and invitation forms (see `AUTH_FORMS`). */
  readonly forms: AuthForms
  readonly applications: Resource<ApplicationList>
  readonly contracts: Resource<ContractList>
  /** What the logged-in contact may start: the portal's and their authorized processes. */
  readonly startable: Resource<StartableList>
  /** Modules the contact's profile opens (all of the portal's until `me` is known). */
  readonly modules = computed<Module[]>(
    () => this.contact.me.value?.modules ?? this.config.value?.modules ?? [],
  )

  /** @internal */
  catalogue: Catalogue = en
  private clientPromise: Promise<Client> | undefined
  private readonly processForms = new Map<string, ProcessFormModel>()
  /** @internal */
  registerKey = newKey()
  /** @internal */
  stampValue: Stamp
  private wanted: string | undefined
  /** The view of an e-mailed link read from the page's address at start (kept for a retry). */
  private linked: Route | null = null

  constructor(/** @internal */ readonly options: PortalModelOptions) {
    this.events = options.events ?? new Emitter()
    // Undecided (no supported language from the page or the browser) until start() reads the
    // portal's default: only the loading view shows before that.
    this.locale = resolveLocale(options.locale) as Locale
    this.headingLevel = options.headingLevel ?? 2
    this.t = translator(() => this.catalogue)
    this.stampValue = { tags: options.tags ?? [], source: options.source ?? {} }
    this.wanted = options.process
    this.contact = new ContactSession(
      options.tokenStorage ?? 'memory',
      `portico:${options.api}:${options.portal}:session`,
    )
    this.router = new Router({
      // A view's messages do not follow the contact into the next view.
      leave: (route) => {
        if (isAuthForm(route.name)) this.forms[route.name].clearMessages()
      },
      enter: (route) => this.entered(route),
    })
    this.forms = createAuthForms({
      portal: options.portal,
      process: () => this.process.value?.slug ?? '',
      token: () => this.token(),
      localize: (field, message) => this.localize(field, message),
      passwords: () => this.config.value?.signInMethods.includes('password') !== false,
    })
    const intercept = (error: unknown) => this.intercept(error)
    this.applications = new Resource(async () => (await this.client()).applications(), intercept)
    this.contracts = new Resource(async () => (await this.client()).contracts(), intercept)
    this.startable = new Resource(async () => (await this.client()).startable(), intercept)
  }

  /** The current view. */
  get route() {
    return this.router.route
  }

  /** The announcement at the top of the widget. */
  get notice() {
    return this.router.notice
  }

  /** The logged-in contact's session, if any. */
  get session() {
    return this.contact.current
  }

  /** Who the contact is and what their profile opens. */
  get me() {
    return this.contact.me
  }

  /** The tags and source stamped on applications created from now on. */
  get stamp(): Stamp {
    return this.stampValue
  }

  /** Changes the tags and source stamped on applications created from now on (an entry point's). */
  setStamp(stamp: Partial<Stamp>): void {
    this.stampValue = { ...this.stampValue, ...stamp }
  }

  /** The slug of the process asked for by the mount or an entry point, if any. */
  get requestedProcess(): string | undefined {
    return this.wanted
  }

  /**
   * Preselects a process: before the config arrives it is picked when it does; after, the widget
   * goes to it now. Answers false when the portal does not offer it.
   */
  selectProcess(slug: string): boolean {
    const config = this.config.value
    if (!config) {
      this.wanted = slug
      return true
    }
    const process = config.processes.find((p) => p.slug === slug)
    if (process) this.choose(process)
    return Boolean(process)
  }

  /** The HTTP client, loaded on first use so ky stays out of the first view. */
  client(): Promise<Client> {
    this.clientPromise ??= import('../api/client.js').then(({ createClient }) =>
      createClient({
        api: this.options.api,
        portal: this.options.portal,
        token: () => this.contact.token(),
        locale: this.locale,
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
    let identity: IdentitySource | undefined
    // An e-mailed link's token leaves the address bar at once, before anything loads: other
    // scripts of the host page could read it there.
    this.linked ??= urlTokens(this.options.portal)
    batch(() => {
      this.route.value = { name: 'loading' }
      this.failure.value = null
    })
    try {
      const prefetched = this.options.config
      // A prefetched config is used once; a retry fetches afresh.
      delete this.options.config
      const chosen = this.locale
      const [config, catalogue] = await Promise.all([
        prefetched ?? fetchPortalConfig(this.options.api, this.options.portal, this.options.timeout),
        loadCatalogue(chosen ?? 'en'),
      ])
      // Neither the page nor the browser named a language the widget speaks: the portal's decides.
      this.locale = chosen ?? config.defaultLocale
      this.catalogue = chosen ? catalogue : await loadCatalogue(this.locale)
      const preselected = config.processes.find((p) => p.slug === this.wanted)
      const only = config.processes.length === 1 ? config.processes[0] : undefined
      batch(() => {
        this.config.value = config
        this.process.value = preselected ?? only ?? null
      })
      // Taken before `ready`: an identity a `ready` listener gives is exchanged by identify() itself.
      identity = this.options.identity
      delete this.options.identity
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
    const link = this.linked
    if (link) {
      this.linked = null
      this.route.value = link
      return
    }
    if (identity) {
      await this.identify(identity)
      // Signed in, or refused (the login form says why): either way a view is chosen. Nobody
      // signed in at the host leaves the widget loading, to go on as for any visitor.
      if (this.route.value.name !== 'loading') return
    }
    const stored = this.contact.stored()
    if (stored) {
      await (await flow()).enter(this, stored, null, false)
      if (this.session.value) return
    }
    this.route.value = this.publicStart()
    // Warm the code the next step needs while the user reads the first view.
    this.client().catch(() => {})
    flow().catch(() => {})
  }

  /** The first view of a visitor: register when open (picker first on multi-process portals), else login. */
  publicStart(): Route {
    if (!this.config.value?.registrationOpen) return { name: 'login' }
    return this.process.value ? { name: 'register' } : { name: 'picker' }
  }

  /** Goes to a view; leaving a view drops its announcement and its form messages. */
  navigate(route: Route): void {
    this.router.navigate(route)
  }

  private entered(route: Route): void {
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
      form = new ProcessForm(process, `portico:${this.options.portal}:draft:${process.slug}`)
      this.processForms.set(process.slug, form)
    }
    return form
  }

  /** One shared contract. */
  contract(id: string): Resource<Contract> {
    return this.contact.views.get(
      viewKey<Resource<Contract>>(`contract:${id}`),
      () =>
        new Resource(
          async () => (await this.client()).contract(id),
          (error) => this.intercept(error),
        ),
    )
  }

  /** Downloads a contract attachment (only offered when the contract's attachments are visible). */
  async downloadContractAttachment(
    contractId: string,
    attachmentId: string,
    filename: string,
  ): Promise<void> {
    await (await flow()).downloadContractAttachment(this, contractId, attachmentId, filename)
  }

  /**
   * Signs in the person the host says is signed in on its own site (a token its back end signed,
   * see docs/identify.md); before the config is in, the exchange waits for it.
   */
  async identify(source: IdentitySource): Promise<boolean> {
    if (!this.config.value) {
      this.options.identity = source
      return false
    }
    return (await flow()).identify(this, source)
  }

  /** Sends the registration form and the chosen process's answers; lands on the new application. */
  async submitRegister(): Promise<void> {
    await (await flow()).submitRegister(this)
  }

  /** Sends the login form; lands on the most recent application, or back where the session expired. */
  async submitLogin(): Promise<void> {
    await (await flow()).submitLogin(this)
  }

  /** Asks for a password-reset e-mail; the answer never tells whether the e-mail has an account. */
  async submitForgot(): Promise<void> {
    await (await flow()).submitForgot(this)
  }

  /** Sets a new password from the e-mailed link, then logs in. */
  async submitReset(): Promise<void> {
    await (await flow()).submitReset(this)
  }

  /** Accepts an invitation by setting a password, then logs in. */
  async submitInvite(): Promise<void> {
    await (await flow()).submitInvite(this)
  }

  /** Creates a further application of a process; a retry reuses the same Idempotency-Key. */
  async submitNewApplication(form: ProcessFormModel): Promise<void> {
    await (await flow()).submitNewApplication(this, form)
  }

  /** Logs out here, or on every device (the tokens are revoked on the server when it can be reached). */
  async logout(everywhere = false): Promise<void> {
    await (await flow()).logout(this, everywhere)
  }

  /** Downloads a file with the session token and hands it to the browser as a download. */
  async download(path: string, filename: string): Promise<void> {
    await (await flow()).download(this, path, filename)
  }

  /** An expired or revoked session: back to login, then back to where the contact was. */
  intercept(error: unknown): boolean {
    if (!(isHttpError(error) && error.status === 401 && this.session.value)) return false
    const back = this.route.value
    this.leave()
    this.contact.returnTo = back
    this.router.navigate({ name: 'login' }, { key: 'session.expired' })
    this.events.emit('logout', {})
    return true
  }

  /** Forgets the session and everything loaded for it. @internal */
  leave(): void {
    this.contact.end()
    batch(() => {
      this.applications.data.value = undefined
      this.startable.data.value = undefined
      this.contracts.data.value = undefined
    })
  }

  private token(): string {
    const route = this.route.value
    return route.name === 'reset' || route.name === 'invite' ? route.token : ''
  }

  /** Puts a field's validation message into the widget's language. */
  localize(field: string, message: string): string {
    // An empty required field says so whichever field it is: the field's own rule is another message.
    const key = message === en.required ? 'required' : `invalid.${field}`
    return key in INVALID_KEYS ? this.t(key as keyof typeof INVALID_KEYS) : message
  }
}

/** Messages of client-side checks that come from the widget's catalogues rather than the schema's English. */
const INVALID_KEYS = {
  required: 1,
  'invalid.name': 1,
  'invalid.email': 1,
  'invalid.password': 1,
  'invalid.body': 1,
}

/** The API-side actions, loaded with the client after the first view. */
const flow = () => import('./contact-flow.js')
