import type {
  Application,
  LoginBody,
  PortalConfig,
  PublicProcess,
  RegisterBody,
  Session,
} from '@portico/schema'
import { batch, signal } from '@preact/signals'
import type { Client } from '../api/client.js'
import { fetchPortalConfig } from '../api/config.js'
import { isHttpError } from '../api/errors.js'
import { Emitter } from '../events.js'
import { FormModel } from './FormModel.js'

/** The views of the widget. */
export type View = 'loading' | 'failed' | 'picker' | 'register' | 'login' | 'applications'

/** What the portal model needs to talk to the API. */
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
}

/** State and actions of one mounted portal: config, current view, session and applications. */
export class PortalModel {
  readonly config = signal<PortalConfig | null>(null)
  readonly view = signal<View>('loading')
  readonly process = signal<PublicProcess | null>(null)
  readonly session = signal<Session | null>(null)
  readonly applications = signal<Application[]>([])
  readonly failure = signal<'network' | 'not-found' | null>(null)
  readonly register = new FormModel<{ name: string; email: string; password: string }, RegisterBody>(
    { name: '', email: '', password: '' },
    () => import('../validators.js').then((m) => m.RegisterBody),
  )
  readonly login = new FormModel<{ email: string; password: string }, LoginBody>(
    { email: '', password: '' },
    () => import('../validators.js').then((m) => m.LoginBody),
  )
  readonly events: Emitter
  private clientPromise: Promise<Client> | undefined

  constructor(private readonly options: PortalModelOptions) {
    this.events = options.events ?? new Emitter()
  }

  /** The HTTP client, loaded on first use so ky stays out of the first view. */
  client(): Promise<Client> {
    this.clientPromise ??= import('../api/client.js').then(({ createClient }) =>
      createClient({
        api: this.options.api,
        portal: this.options.portal,
        token: () => this.session.value?.token ?? null,
      }),
    )
    // A failed chunk load (offline, blocked) must not stick: the next call tries again.
    this.clientPromise.catch(() => {
      this.clientPromise = undefined
    })
    return this.clientPromise
  }

  /** Loads the portal config and shows the first view. */
  async start(): Promise<void> {
    batch(() => {
      this.view.value = 'loading'
      this.failure.value = null
    })
    try {
      const prefetched = this.options.config
      // A prefetched config is used once; a retry fetches afresh.
      delete this.options.config
      const config = await (prefetched ?? fetchPortalConfig(this.options.api, this.options.portal))
      const preselected = config.processes.find((p) => p.slug === this.options.process)
      const only = config.processes.length === 1 ? config.processes[0] : undefined
      batch(() => {
        this.config.value = config
        this.process.value = preselected ?? only ?? null
        this.view.value = !config.registrationOpen ? 'login' : this.process.value ? 'register' : 'picker'
      })
      this.events.emit('ready', { portal: config.slug })
      // Warm the code the next step needs while the user reads the first view.
      this.client().catch(() => {})
    } catch (error) {
      batch(() => {
        this.failure.value = isHttpError(error) && error.status === 404 ? 'not-found' : 'network'
        this.view.value = 'failed'
      })
      this.events.emit('error', {
        message: error instanceof Error ? error.message : String(error),
        ...(isHttpError(error) ? { status: error.status } : {}),
      })
    }
  }

  /** Picks the process to start and goes on to registration. */
  choose(process: PublicProcess): void {
    batch(() => {
      this.process.value = process
      this.view.value = 'register'
    })
  }

  /** Switches between the register and login views, or back to the picker. */
  show(view: 'picker' | 'register' | 'login'): void {
    this.view.value = view
  }

  /** Sends the registration form; on success the contact lands on their applications. */
  submitRegister(): Promise<void> {
    return this.register.submit({ process: this.process.value?.slug ?? '' }, async (body) => {
      const session = await (await this.client()).register(body)
      this.session.value = session
      this.events.emit('login', { contactId: session.contact.id, email: session.contact.email })
      if (session.applicationId)
        this.events.emit('application:created', {
          applicationId: session.applicationId,
          process: body.process,
        })
      await this.openApplications()
    })
  }

  /** Sends the login form; on success the contact lands on their applications. */
  submitLogin(): Promise<void> {
    return this.login.submit({}, async (body) => {
      const session = await (await this.client()).login(body)
      this.session.value = session
      this.events.emit('login', { contactId: session.contact.id, email: session.contact.email })
      await this.openApplications()
    })
  }

  /** Forgets the session and goes back to the login view. */
  logout(): void {
    batch(() => {
      this.session.value = null
      this.applications.value = []
      this.view.value = 'login'
    })
    this.events.emit('logout', {})
  }

  private async openApplications(): Promise<void> {
    const list = await (await this.client()).applications()
    batch(() => {
      this.applications.value = list.items
      this.view.value = 'applications'
    })
  }
}
