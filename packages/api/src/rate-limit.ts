import type { Context } from 'hono'
import { clearHits, hit, type Limit, waitFor } from './data/rate-limits.js'
import type { AppEnv } from './env.js'
import { ApiError } from './errors.js'

/** Default limits of login and forgot-password: per account and per client IP. */
export const DEFAULT_RATE_LIMITS: { perAccount: Limit; perIp: Limit } = {
  perAccount: { max: 10, windowMs: 15 * 60 * 1000 },
  perIp: { max: 50, windowMs: 15 * 60 * 1000 },
}

function tooMany(wait: number): ApiError {
  return new ApiError(429, 'Too many attempts', {
    detail: `Too many attempts: try again in ${Math.ceil(wait / 60)} minute(s).`,
    type: 'rate-limited',
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
 * Login limiting counts failures only, so someone who logs in often is never locked out: `check`
 * refuses while the account or the IP is over its limit, `failed` counts a failure on both, and
 * `succeeded` forgets the account's failures.
 */
export function loginLimiter(c: Context<AppEnv>, account: string) {
  const { perAccount, perIp } = c.var.config.rateLimits
  const keys = { ip: `login:ip:${c.var.config.clientIp(c)}`, account: `login:account:${account}` }
  return {
    async check(): Promise<void> {
      const wait = Math.max(
        await waitFor(c.var.db, keys.ip, perIp),
        await waitFor(c.var.db, keys.account, perAccount),
      )
      if (wait > 0) throw tooMany(wait)
    },
    async failed(): Promise<void> {
      await hit(c.var.db, keys.ip, perIp)
      await hit(c.var.db, keys.account, perAccount)
    },
    succeeded: () => clearHits(c.var.db, keys.account),
  }
}
