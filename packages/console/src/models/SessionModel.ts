import type { Locale } from '@portico/schema'
import { batch, computed, signal } from '@preact/signals'
import type { Client } from '../api/client.js'
import type { Role, Staff } from '../api/endpoints.js'
import type { TokenStore } from './token-store.js'

const RANK: Record<Role, number> = { viewer: 0, agent: 1, admin: 2, owner: 3 }

/** The staff user's session: sign-in (with a second factor), who is signed in, sign-out. */
export class SessionModel {
  readonly staff = signal<Staff | null>(null)
  /** The second-factor challenge between the password and the code. */
  readonly challenge = signal<string | null>(null)
  /** Whether the stored token is being checked at start-up. */
  readonly restoring = signal(false)
  readonly signedIn = computed(() => this.staff.value !== null)

  constructor(
    private readonly client: Client,
    private readonly tokens: TokenStore,
  ) {}

  /** Whether the signed-in user has at least `role`. */
  can(role: Role): boolean {
    const staff = this.staff.value
    return staff ? RANK[staff.role] >= RANK[role] : false
  }

  /** Checks a token kept from earlier in this tab; forgets it when the API no longer knows it. */
  async restore(): Promise<void> {
    if (!this.tokens.get()) return
    this.restoring.value = true
    try {
      this.staff.value = await this.client.call('GET /v1/staff/me')
    } catch {
      this.tokens.set(null)
    } finally {
      this.restoring.value = false
    }
  }

  /** Sends e-mail and password; afterwards either signed in or waiting for a second factor. */
  async signIn(email: string, password: string): Promise<'signed-in' | 'two-factor'> {
    const answer = await this.client.call('POST /v1/staff/login', { body: { email, password } })
    if ('twoFactor' in answer) {
      this.challenge.value = answer.twoFactor.challenge
      return 'two-factor'
    }
    this.start(answer.token, answer.staff)
    return 'signed-in'
  }

  /** Sends the authenticator code (or a recovery code) for the pending challenge. */
  async confirmTwoFactor(code: string): Promise<void> {
    const challenge = this.challenge.value
    if (!challenge) throw new Error('[portico] no two-factor challenge: sign in with the password first')
    const trimmed = code.replace(/\s+/g, '')
    const body = /^\d{6}$/.test(trimmed)
      ? { challenge, code: trimmed }
      : { challenge, recoveryCode: code.trim() }
    const answer = await this.client.call('POST /v1/staff/login/two-factor', { body })
    this.start(answer.token, answer.staff)
  }

  /** Starts a session from a token (sign-in, accepted invitation, reset password). */
  start(token: string, staff: Staff): void {
    this.tokens.set(token)
    batch(() => {
      this.challenge.value = null
      this.staff.value = staff
    })
  }

  /** Saves the staff user's language (and name). */
  async update(patch: { name?: string; locale?: Locale }): Promise<void> {
    this.staff.value = await this.client.call('PATCH /v1/staff/me', { body: patch })
  }

  /** Ends the session on the server and forgets the token, even when the API cannot be reached. */
  async signOut(): Promise<void> {
    try {
      await this.client.call('POST /v1/staff/logout')
    } catch {
      // The token is forgotten below either way; an unreachable API must not keep anyone signed in.
    }
    this.expire()
  }

  /** Forgets the session locally (the API said it is gone). */
  expire(): void {
    this.tokens.set(null)
    batch(() => {
      this.staff.value = null
      this.challenge.value = null
    })
  }
}
