import type { Context } from 'hono'
import {
  clearHits,
  hit,
  type Limit,
  mark,
  markedWithin,
  refund,
  reserve,
  type SlowingLimit,
} from './data/rate-limits.js'
import type { AppEnv } from './env.js'
import { type ApiError, contactProblem } from './errors.js'

/** Default limits of login and forgot-password. */
export const DEFAULT_RATE_LIMITS: { perAccount: Limit; perIp: Limit; perClient: SlowingLimit } = {
  perClient: { max: 10, free: 3, windowMs: 15 * 60 * 1000 },
  perAccount: { max: 50, windowMs: 15 * 60 * 1000 },
  perIp: { max: 50, windowMs: 15 * 60 * 1000 },
}

/** How long a client that logged in to an account stays known to it (and passes its account-wide limit). */
export const KNOWN_CLIENT_MS = 30 * 24 * 60 * 60 * 1000

function tooMany(wait: number): ApiError {
  return contactProblem(429, 'rate-limited', {
    params: { seconds: wait },
    headers: { 'retry-after': String(wait) },
  })
}

/** Counts one attempt of `action` for an account and for the caller's IP; throws a 429 over the limit. */
export async function limitAttempt(c: Context<AppEnv>, action: string, account: string): Promise<void> {
  const { perAccount, perIp } = c.var.config.rateLimits
  const ip = c.var.config.clientIp(c)
  const waits = [
    await hit(c.var.db, `${action}:ip:${ip}`, perIp),
    await hit(c.var.db, `${action}:account:${account}`, perAccount),
  ]
  const wait = Math.max(...waits)
  if (wait > 0) throw tooMany(wait)
}

/**
 * Counts one use of `action` by the caller's IP against `perIp`, for endpoints that take a token
 * rather than an account (peeking at and redeeming sign-in links); throws a 429 over the limit.
 */
export async function limitPerIp(c: Context<AppEnv>, action: string): Promise<void> {
  const wait = await hit(c.var.db, `${action}:ip:${c.var.config.clientIp(c)}`, c.var.config.rateLimits.perIp)
  if (wait > 0) throw tooMany(wait)
}

/**
 * Counts one registration attempt of the caller's IP, whatever its outcome, and throws a 429 over
 * `perIp`: register answers 409 for a known e-mail (docs/decisions/0004), so asking it about many
 * addresses costs the same budget as guessing passwords. Counting every attempt (not only 409s)
 * keeps the 429 itself from telling known addresses apart.
 */
export async function limitRegistration(c: Context<AppEnv>): Promise<void> {
  const wait = await reserve(
    c.var.db,
    `register:ip:${c.var.config.clientIp(c)}`,
    c.var.config.rateLimits.perIp,
  )
  if (wait) throw tooMany(wait)
}

/**
 * Login limiting (docs/security.md). Every attempt is reserved before the password is checked, in
 * one atomic statement per counter, so concurrent guesses cannot slip past a limit:
 * - per account and client: `perClient.max` failures per window, and after `free` of them each
 *   next attempt waits twice as long (1 s, 2 s, 4 s, …), answered at once with 429 + Retry-After;
 * - per client IP, across accounts: `perIp`;
 * - per account, from anywhere: `perAccount`; a client that logged in to the account within
 *   {@link KNOWN_CLIENT_MS} is exempt, so an attack from other addresses does not lock the real
 *   user out (who can also always get in through a reset link).
 * A login that succeeds hands its reservations back and forgets the account's failures.
 */
export function loginLimiter(c: Context<AppEnv>, account: string) {
  const { perAccount, perIp, perClient } = c.var.config.rateLimits
  const db = c.var.db
  const ip = c.var.config.clientIp(c)
  const keys = {
    client: `login:client:${account}:${ip}`,
    ip: `login:ip:${ip}`,
    account: `login:account:${account}`,
    known: `login:known:${account}:${ip}`,
  }
  let accountReserved = false
  return {
    /** Reserves this attempt on every counter, or throws a 429 with how long to wait. */
    async reserve(): Promise<void> {
      const clientWait = await reserve(db, keys.client, perClient)
      if (clientWait) throw tooMany(clientWait)
      const ipWait = await reserve(db, keys.ip, perIp)
      if (ipWait) throw tooMany(ipWait)
      const accountWait = await reserve(db, keys.account, perAccount)
      accountReserved = accountWait === 0
      if (accountWait && !(await markedWithin(db, keys.known, KNOWN_CLIENT_MS))) {
        throw tooMany(accountWait)
      }
    },
    /** The password was right: hands the attempt back, forgets failures, remembers the client. */
    async succeeded(): Promise<void> {
      await refund(db, keys.ip)
      if (accountReserved) await clearHits(db, keys.account)
      await clearHits(db, keys.client)
      await mark(db, keys.known)
    },
  }
}
