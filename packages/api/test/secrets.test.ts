import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/ops/config.js'
import { DEVELOPMENT_SECRET_KEY, parseSecretKeys, secretBox } from '../src/secrets.js'
import { base32Decode, base32Encode, otpauthUri, totpCode, verifyTotp } from '../src/totp.js'

const key = () => randomBytes(32).toString('base64')

describe('secret box', () => {
  it('round-trips a secret and never stores it in clear', () => {
    const box = secretBox(`k1:${key()}`)
    const sealed = box.seal('JBSWY3DPEHPK3PXP')
    expect(sealed).toMatch(/^v1\.k1\./)
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP')
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP')
    // A fresh IV each time: the same secret seals differently.
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(sealed)
  })

  it('rotates: a new first key seals, the old one still opens what it sealed, a dropped key cannot', () => {
    const oldKey = key()
    const newKey = key()
    const before = secretBox(`old:${oldKey}`).seal('secret')
    const rotated = secretBox(`new:${newKey},old:${oldKey}`)
    expect(rotated.keyId).toBe('new')
    expect(rotated.open(before)).toBe('secret')
    expect(rotated.seal('secret')).toMatch(/^v1\.new\./)
    expect(() => secretBox(`new:${newKey}`).open(before)).toThrow(/key "old"/)
  })

  it('refuses a tampered value, another context, or another key with the same id', () => {
    const box = secretBox(`k1:${key()}`)
    const sealed = box.seal('secret', 'totp:a')
    const parts = sealed.split('.')
    const body = Buffer.from(parts[3]!, 'base64url')
    body[0] = body[0]! ^ 1
    const tampered = [...parts.slice(0, 3), body.toString('base64url')].join('.')
    expect(() => box.open(tampered)).toThrow()
    expect(() => box.open(sealed, 'totp:b')).toThrow()
    expect(() => secretBox(`k1:${key()}`).open(sealed, 'totp:a')).toThrow()
    expect(box.open(sealed, 'totp:a')).toBe('secret')
  })

  it('takes one plain string with a derived id, and says how to fix a bad key', () => {
    const [only] = parseSecretKeys(DEVELOPMENT_SECRET_KEY)
    expect(only?.id).toMatch(/^[0-9a-f]{8}$/)
    expect(secretBox(DEVELOPMENT_SECRET_KEY).keyId).toBe(only?.id)
    expect(() => parseSecretKeys('short')).toThrow(/too short/)
    expect(() => parseSecretKeys(`a:${randomBytes(16).toString('base64')},b:${key()}`)).toThrow(
      /"a" is 16 bytes/,
    )
    expect(() => loadConfig({ PORTICO_SECRET_KEY: `a:${randomBytes(16).toString('base64')}` })).toThrow(
      /16 bytes/,
    )
  })
})

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 appendix B: the ASCII secret "12345678901234567890", SHA-1, truncated to 6 digits.
  const secret = base32Encode(Buffer.from('12345678901234567890'))

  it('matches the RFC test vectors', () => {
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')
    expect(base32Decode(secret).toString()).toBe('12345678901234567890')
    expect(totpCode(secret, 59_000)).toBe('287082')
    expect(totpCode(secret, 1_111_111_109_000)).toBe('081804')
    expect(totpCode(secret, 1_234_567_890_000)).toBe('005924')
  })

  it('accepts one step of drift either way, not two', () => {
    const at = 1_234_567_890_000
    expect(verifyTotp(secret, totpCode(secret, at - 30_000), at)).toBe(true)
    expect(verifyTotp(secret, totpCode(secret, at + 30_000), at)).toBe(true)
    expect(verifyTotp(secret, totpCode(secret, at - 60_000), at)).toBe(false)
    expect(verifyTotp(secret, '12345', at)).toBe(false)
  })

  it('builds the otpauth URI apps scan', () => {
    expect(otpauthUri(secret, 'ada@acme.test', 'Portico Acme')).toBe(
      `otpauth://totp/Portico%20Acme%3Aada%40acme.test?secret=${secret}&issuer=Portico+Acme&algorithm=SHA1&digits=6&period=30`,
    )
  })
})
