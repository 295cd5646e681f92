import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto'

/**
 * The key development and tests use when `PORTICO_SECRET_KEY` is unset. Public by design: never
 * use it in production (the production configuration refuses to start without a key of its own).
 */
export const DEVELOPMENT_SECRET_KEY = 'portico-development-only-secret-key-do-not-use-in-production'

/** One encryption key with the id sealed values carry, so keys can rotate. */
export interface SecretKey {
  id: string
  key: Buffer
}

/** Encrypts secrets that must be read back (TOTP secrets, pending mail links, webhook secrets). */
export interface SecretBox {
  /** The id of the key new values are sealed with. */
  readonly keyId: string
  /** Seals `plain`; `context` (e.g. `totp:<staff id>`) must be given again to open it. */
  seal(plain: string, context?: string): string
  /** Opens a sealed value, or throws when it was tampered with, sealed for another context or with an unknown key. */
  open(sealed: string, context?: string): string
  /**
   * A keyed digest of a short secret (a 6-digit code) that a database reader cannot reverse by
   * trying every value: `<key id>.<HMAC-SHA256>`; `context` binds it to one row.
   */
  digest(value: string, context: string): string
  /** Whether `value` has the digest `stored`, in constant time; `false` for a key no longer known. */
  digestMatches(value: string, context: string, stored: string): boolean
}

const ENTRY = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/_-]+={0,2})$/
const FORMAT = 'v1'

function derivedId(key: Buffer): string {
  return createHash('sha256').update('portico-key-id').update(key).digest('hex').slice(0, 8)
}

/**
 * Reads `PORTICO_SECRET_KEY`: `id:base64key[,id2:base64key2…]` (each key 32 bytes; the first
 * encrypts, all decrypt) or one plain string of at least 32 characters (its SHA-256 is the key and
 * the id is derived from it). Throws a `[portico]` message saying how to fix a bad value.
 */
export function parseSecretKeys(value: string): SecretKey[] {
  const parts = value.split(',').map((p) => p.trim())
  const entries = parts.map((p) => ENTRY.exec(p))
  if (entries.every((m) => m !== null)) {
    const keys = entries.map((m) => ({ id: m![1]!, key: Buffer.from(m![2]!, 'base64') }))
    const short = keys.find((k) => k.key.length !== 32)
    if (short) {
      throw new Error(
        `[portico] PORTICO_SECRET_KEY: key "${short.id}" is ${short.key.length} bytes, not 32: generate one with \`openssl rand -base64 32\``,
      )
    }
    const ids = new Set(keys.map((k) => k.id))
    if (ids.size !== keys.length) throw new Error('[portico] PORTICO_SECRET_KEY names a key id twice')
    return keys
  }
  if (Buffer.byteLength(value) < 32) {
    throw new Error(
      '[portico] PORTICO_SECRET_KEY is too short: use at least 32 characters, e.g. `openssl rand -base64 32`',
    )
  }
  const key = createHash('sha256').update(value).digest()
  return [{ id: derivedId(key), key }]
}

/**
 * A box sealing with AES-256-GCM under the first key and opening with any key whose id a value
 * names: `v1.<key id>.<iv>.<ciphertext+tag>` (base64url).
 * @example const box = secretBox(process.env.PORTICO_SECRET_KEY ?? DEVELOPMENT_SECRET_KEY)
 */
export function secretBox(value: string): SecretBox {
  const keys = parseSecretKeys(value)
  const current = keys[0]!
  const byId = new Map(keys.map((k) => [k.id, k.key]))
  const mac = (key: Buffer, value: string, context: string) =>
    createHmac('sha256', key).update(context).update('\0').update(value).digest()
  return {
    keyId: current.id,
    digest(value, context) {
      return `${current.id}.${mac(current.key, value, context).toString('base64url')}`
    },
    digestMatches(value, context, stored) {
      const [id, tag] = stored.split('.')
      const key = id ? byId.get(id) : undefined
      if (!key || !tag) return false
      const expected = Buffer.from(tag, 'base64url')
      const actual = mac(key, value, context)
      return expected.length === actual.length && timingSafeEqual(expected, actual)
    },
    seal(plain, context = '') {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', current.key, iv)
      cipher.setAAD(Buffer.from(context))
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()])
      return [FORMAT, current.id, iv.toString('base64url'), body.toString('base64url')].join('.')
    },
    open(sealed, context = '') {
      const [format, id, iv, body] = sealed.split('.')
      if (format !== FORMAT || !id || !iv || !body) throw new Error('[portico] not a sealed secret')
      const key = byId.get(id)
      if (!key) throw new Error(`[portico] secret sealed with key "${id}", which PORTICO_SECRET_KEY lacks`)
      const bytes = Buffer.from(body, 'base64url')
      if (bytes.length < 16) throw new Error('[portico] sealed secret is truncated')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAAD(Buffer.from(context))
      decipher.setAuthTag(bytes.subarray(bytes.length - 16))
      // final() throws when the tag does not match: a changed byte, key or context is refused.
      return Buffer.concat([
        decipher.update(bytes.subarray(0, bytes.length - 16)),
        decipher.final(),
      ]).toString('utf8')
    },
  }
}
