import { IDENTITY_TOKEN_MAX_SECONDS } from '@portico/schema'
import {
  type CryptoKey,
  decodeProtectedHeader,
  type JWK,
  type JWSHeaderParameters,
  type JWTPayload,
  jwtVerify,
  type KeyObject,
} from 'jose'
import type { PortalRecord } from '../data/portals.js'

// Checks a host's identity token against the portal's keys; knows nothing of contacts or storage.

/** Why a token was refused: the field message code the problem carries. */
export type IdentityReason =
  | 'identityMalformed'
  | 'identityAlgorithm'
  | 'identitySignature'
  | 'identityExpired'
  | 'identityLifetime'
  | 'identityAudience'
  | 'identityClaims'
  | 'identityKeys'

/** A refused token, with the reason the API answers. */
export class IdentityTokenError extends Error {
  override name = 'IdentityTokenError'
  constructor(readonly reason: IdentityReason) {
    super(reason)
  }
}

/** Seconds of clock difference tolerated between the host and the API. */
export const CLOCK_TOLERANCE_S = 30
/** Algorithms verified with a portal secret. */
const SECRET_ALGORITHMS = ['HS256']
/** Algorithms verified with the host's published keys. */
const KEY_ALGORITHMS = ['RS256', 'EdDSA']

/** The keys a portal accepts tokens from. */
export interface PortalKeys {
  /** HS256 secrets (the raw `pis_…` strings) with their ids, current first. */
  secrets: { id: string; secret: string }[]
  /** The key matching a JWS header from the portal's JWKS, or `undefined` without a JWKS URL. */
  publicKey?: (header: JWSHeaderParameters) => Promise<CryptoKey | KeyObject | JWK | Uint8Array>
}

/** The claims Portico reads from a verified token. */
export interface IdentityClaims {
  sub: string
  jti: string
  /** Seconds since the epoch. */
  exp: number
  iss: string | undefined
  email: unknown
  name: unknown
  company: unknown
  locale: unknown
  /** Which key verified it: a secret's id or the JWKS key id. */
  keyId: string | null
}

const codeOf = (error: unknown) => (error as { code?: string } | null)?.code
const claimOf = (error: unknown) => (error as { claim?: string } | null)?.claim

function reasonOf(error: unknown): IdentityReason {
  if (error instanceof IdentityTokenError) return error.reason
  switch (codeOf(error)) {
    case 'ERR_JWT_EXPIRED':
      return 'identityExpired'
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'identitySignature'
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'identityAlgorithm'
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return claimOf(error) === 'aud' ? 'identityAudience' : 'identityClaims'
    default:
      return 'identityMalformed'
  }
}

const text = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 255

function claimsOf(payload: JWTPayload, keyId: string | null): IdentityClaims {
  const { sub, jti, exp, iat, iss } = payload
  if (!text(sub) || !text(jti) || typeof exp !== 'number') throw new IdentityTokenError('identityClaims')
  if (iss !== undefined && !text(iss)) throw new IdentityTokenError('identityClaims')
  const nowS = Math.floor(Date.now() / 1000)
  // A token lives ten minutes at most, counted from its iat and from now (an iat in the future
  // or a missing one cannot stretch it).
  if (exp - nowS > IDENTITY_TOKEN_MAX_SECONDS + CLOCK_TOLERANCE_S)
    throw new IdentityTokenError('identityLifetime')
  if (typeof iat === 'number' && exp - iat > IDENTITY_TOKEN_MAX_SECONDS) {
    throw new IdentityTokenError('identityLifetime')
  }
  return {
    sub,
    jti,
    exp,
    iss,
    email: payload.email,
    name: payload.name,
    company: payload.company,
    locale: payload.locale,
    keyId,
  }
}

/**
 * Verifies a host's identity token for a portal: signed (never `alg: none`) with one of the
 * portal's secrets (HS256) or a key of its JWKS (RS256, EdDSA), `aud` the portal's slug, `exp`
 * present and at most ten minutes away, `sub` and `jti` present. Throws an {@link IdentityTokenError}.
 */
export async function verifyIdentityToken(
  token: string,
  portal: Pick<PortalRecord, 'slug'>,
  keys: PortalKeys,
): Promise<IdentityClaims> {
  try {
    let header: JWSHeaderParameters
    try {
      header = decodeProtectedHeader(token) as JWSHeaderParameters
    } catch {
      throw new IdentityTokenError('identityMalformed')
    }
    if (token.split('.').length !== 3) throw new IdentityTokenError('identityMalformed')
    const alg = header.alg ?? ''
    const options = {
      algorithms: [alg],
      audience: portal.slug,
      requiredClaims: ['exp', 'jti', 'sub'],
      clockTolerance: CLOCK_TOLERANCE_S,
    }
    if (SECRET_ALGORITHMS.includes(alg)) {
      const encoder = new TextEncoder()
      for (const { id, secret } of keys.secrets) {
        try {
          const { payload } = await jwtVerify(token, encoder.encode(secret), options)
          return claimsOf(payload, id)
        } catch (error) {
          // Another secret of the portal (during a rotation's overlap) may have signed it.
          if (codeOf(error) !== 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') throw error
        }
      }
      throw new IdentityTokenError('identitySignature')
    }
    if (KEY_ALGORITHMS.includes(alg)) {
      const publicKey = keys.publicKey
      if (!publicKey) throw new IdentityTokenError('identitySignature')
      const { payload } = await jwtVerify(token, (h: JWSHeaderParameters) => publicKey(h), options)
      return claimsOf(payload, header.kid ?? null)
    }
    throw new IdentityTokenError('identityAlgorithm')
  } catch (error) {
    // jose's errors (and ours) are the token's fault; anything else (a database or network
    // failure while finding keys) is not, and must not pass for a bad token.
    if (!(error instanceof IdentityTokenError) && !codeOf(error)?.startsWith('ERR_J')) throw error
    throw new IdentityTokenError(reasonOf(error))
  }
}
