import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto'

// A small software authenticator: real P-256 keys and ECDSA signatures in WebAuthn's formats
// (CBOR attestation object with "none" attestation, authenticator data, client data JSON), so the
// API's verification runs on real answers, as a browser would send them.

type Cbor = number | string | Uint8Array | Cbor[] | Map<number | string, Cbor>

function head(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length])
  if (length < 0x100) return Buffer.from([(major << 5) | 24, length])
  if (length < 0x10000) return Buffer.from([(major << 5) | 25, length >> 8, length & 0xff])
  const out = Buffer.alloc(5)
  out[0] = (major << 5) | 26
  out.writeUInt32BE(length, 1)
  return out
}

/** CBOR of integers, strings, byte strings, arrays and maps (all this authenticator writes). */
export function cbor(value: Cbor): Buffer {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value)
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8')
    return Buffer.concat([head(3, bytes.length), bytes])
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value])
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cbor)])
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])])
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest()
const b64 = (data: Buffer) => data.toString('base64url')

const UP = 0x01
const UV = 0x04
const AT = 0x40

/** One credential held by the software authenticator. */
export interface SoftCredential {
  id: Buffer
  privateKey: KeyObject
  publicKey: KeyObject
  rpId: string
  userHandle: string
  counter: number
}

/** WebAuthn's JSON options as the API answers them (the parts an authenticator reads). */
interface CreationOptions {
  challenge: string
  rp: { id?: string }
  user: { id: string }
}
interface RequestOptions {
  challenge: string
  rpId?: string
}

/** A software authenticator that makes and uses discoverable P-256 credentials. */
export class SoftAuthenticator {
  readonly credentials: SoftCredential[] = []
  /** Whether answers claim the user was verified (a PIN or a fingerprint). */
  userVerified = true

  /** Answers `navigator.credentials.create()` for a page at `origin`, as `PublicKeyCredential.toJSON()` would. */
  create(options: CreationOptions, origin: string) {
    const rpId = options.rp.id ?? new URL(origin).hostname
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const jwk = publicKey.export({ format: 'jwk' })
    const coseKey = new Map<number, Cbor>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x ?? '', 'base64url')],
      [-3, Buffer.from(jwk.y ?? '', 'base64url')],
    ])
    const credential: SoftCredential = {
      id: randomBytes(32),
      privateKey,
      publicKey,
      rpId,
      userHandle: options.user.id,
      counter: 0,
    }
    const idLength = Buffer.alloc(2)
    idLength.writeUInt16BE(credential.id.length)
    const authData = Buffer.concat([
      sha256(rpId),
      Buffer.from([UP | AT | (this.userVerified ? UV : 0)]),
      Buffer.alloc(4),
      Buffer.alloc(16), // AAGUID: none
      idLength,
      credential.id,
      cbor(coseKey),
    ])
    const attestationObject = cbor(
      new Map<string, Cbor>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    )
    const clientData = clientDataOf('webauthn.create', options.challenge, origin)
    this.credentials.push(credential)
    return {
      credential,
      json: {
        id: b64(credential.id),
        rawId: b64(credential.id),
        type: 'public-key' as const,
        authenticatorAttachment: 'platform' as const,
        response: {
          clientDataJSON: b64(clientData),
          attestationObject: b64(attestationObject),
          transports: ['internal'],
        },
      },
    }
  }

  /** Answers `navigator.credentials.get()` with a credential (the newest for the RP ID unless named). */
  get(options: RequestOptions, origin: string, credential?: SoftCredential) {
    const rpId = options.rpId ?? new URL(origin).hostname
    const used = credential ?? this.credentials.filter((c) => c.rpId === rpId).at(-1)
    if (!used) throw new Error(`no credential for ${rpId}`)
    used.counter += 1
    const counter = Buffer.alloc(4)
    counter.writeUInt32BE(used.counter)
    const authData = Buffer.concat([sha256(rpId), Buffer.from([UP | (this.userVerified ? UV : 0)]), counter])
    const clientData = clientDataOf('webauthn.get', options.challenge, origin)
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), used.privateKey)
    return {
      id: b64(used.id),
      rawId: b64(used.id),
      type: 'public-key' as const,
      authenticatorAttachment: 'platform' as const,
      response: {
        clientDataJSON: b64(clientData),
        authenticatorData: b64(authData),
        signature: b64(signature),
        userHandle: used.userHandle,
      },
    }
  }
}

function clientDataOf(type: string, challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8')
}
