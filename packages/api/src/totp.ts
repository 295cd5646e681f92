import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
/** Seconds per TOTP step (RFC 6238 default). */
export const TOTP_STEP_SECONDS = 30

/** Base32 (RFC 4648, no padding), as authenticator apps read secrets. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31]
  return out
}

/** Decodes base32 (case and spaces ignored). */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '')
  let bits = 0
  let value = 0
  const out: number[] = []
  for (const char of clean) {
    const index = ALPHABET.indexOf(char)
    if (index < 0) throw new Error('[portico] not a base32 secret')
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
  }
  return Buffer.from(out)
}

/** A new TOTP secret: 160 random bits, base32. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20))
}

/** The 6-digit HOTP code (RFC 4226) of a counter, with HMAC-SHA1 as authenticator apps expect. */
function hotp(key: Buffer, counter: number): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const digest = createHmac('sha1', key).update(message).digest()
  const offset = digest[digest.length - 1]! & 0x0f
  const binary = digest.readUInt32BE(offset) & 0x7fffffff
  return String(binary % 1_000_000).padStart(6, '0')
}

/** The TOTP code (RFC 6238) of a base32 secret at a time (ms). */
export function totpCode(secret: string, at = Date.now()): string {
  return hotp(base32Decode(secret), Math.floor(at / 1000 / TOTP_STEP_SECONDS))
}

/**
 * The time step a code matches at `at` (one step before or after allowed for clock drift), or
 * `null`. Callers keep the step of the last code used and refuse a step not newer than it, so a code
 * works once (RFC 6238 §5.2), even inside its 90 seconds of validity.
 */
export function totpStep(secret: string, code: string, at = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const key = base32Decode(secret)
  const step = Math.floor(at / 1000 / TOTP_STEP_SECONDS)
  const given = Buffer.from(code)
  let matched: number | null = null
  // Every candidate is compared, so the time taken says nothing about which one matched.
  for (const drift of [-1, 0, 1]) {
    if (timingSafeEqual(Buffer.from(hotp(key, step + drift)), given)) matched = step + drift
  }
  return matched
}

/** Whether a code matches the secret at `at` (see {@link totpStep}). */
export function verifyTotp(secret: string, code: string, at = Date.now()): boolean {
  return totpStep(secret, code, at) !== null
}

/** The `otpauth://` URI an authenticator app scans. */
export function otpauthUri(secret: string, account: string, issuer: string): string {
  const label = encodeURIComponent(`${issuer}:${account}`)
  const query = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: '6', period: '30' })
  return `otpauth://totp/${label}?${query.toString()}`
}
