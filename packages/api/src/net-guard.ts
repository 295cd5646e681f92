import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { BlockList, isIP, type LookupFunction } from 'node:net'
import { Agent, buildConnector, type Dispatcher, fetch as undiciFetch } from 'undici'

/**
 * Address ranges an outgoing request of the API (webhooks, JWKS) may not reach unless the operator
 * allows private URLs: loopback, private, link-local, CGNAT, unspecified, multicast and reserved.
 */
const PRIVATE_RANGES: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 3, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
]

const blocked = new BlockList()
for (const [network, prefix, type] of PRIVATE_RANGES) blocked.addSubnet(network, prefix, type)

/** The eight 16-bit groups of an IPv6 address (with or without an embedded dotted IPv4 tail). */
function groupsOf(address: string): number[] {
  let text = address.toLowerCase().split('%')[0] ?? ''
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number]
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0')
  return [...left, ...zeros, ...right].map((group) => Number.parseInt(group, 16))
}

/** The IPv4 address an IPv6 address carries (IPv4-mapped, -compatible, NAT64, 6to4), if any. */
function embeddedIPv4(address: string): string | undefined {
  const g = groupsOf(address)
  const quad = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`
  const zeroHead = g.slice(0, 5).every((group) => group === 0)
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible); :: and ::1 themselves are in the ranges.
  if (zeroHead && (g[5] === 0xffff || (g[5] === 0 && ((g[6] ?? 0) > 0 || (g[7] ?? 0) > 1))))
    return quad(g[6] ?? 0, g[7] ?? 0)
  // 64:ff9b::/96 (NAT64) translates to the IPv4 address in its last 32 bits.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((group) => group === 0))
    return quad(g[6] ?? 0, g[7] ?? 0)
  // 2002::/16 (6to4) routes to the IPv4 address in bits 16–47.
  if (g[0] === 0x2002) return quad(g[1] ?? 0, g[2] ?? 0)
  return undefined
}

/**
 * Whether an IP address is public unicast: `false` for loopback, private, link-local, CGNAT,
 * unspecified, multicast and reserved addresses, and for IPv6 addresses embedding one of those.
 * @example isPublicAddress('10.0.0.8') // false
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '')
  const family = isIP(bare)
  if (family === 0) return false
  if (family === 4) return !blocked.check(bare, 'ipv4')
  if (blocked.check(bare, 'ipv6')) return false
  const inner = embeddedIPv4(bare)
  return inner === undefined || !blocked.check(inner, 'ipv4')
}

/** An outgoing connection was refused because its address is not public. */
export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError'
  readonly code = 'EPORTICO_BLOCKED_ADDRESS'
  readonly address: string

  constructor(host: string, address: string) {
    super(
      `[portico] ${host} resolves to ${address}, a loopback, private or link-local address: outgoing requests may not reach it (set PORTICO_ALLOW_PRIVATE_URLS=1 to allow it)`,
    )
    this.address = address
  }
}

/** Why a URL was refused: not a URL, not http(s), credentials in it, a non-public address, no address. */
export type UrlRefusal = 'invalid' | 'protocol' | 'credentials' | 'private' | 'unresolved'

/** The verdict of {@link NetGuard.checkUrl}. */
export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: UrlRefusal; address?: string }

/** Resolves a host name to all its addresses (`dns.lookup` with `all: true`; tests pass their own). */
export type Resolver = (host: string) => Promise<LookupAddress[]>

/** Options of {@link createNetGuard}. */
export interface NetGuardOptions {
  /** Let outgoing requests reach loopback, private and link-local addresses. @default false */
  allowPrivate?: boolean
  /** How host names are resolved, at check time and at connect time. @default dns.lookup (all) */
  resolve?: Resolver
  /** How long connecting may take. @default 10000 */
  connectTimeoutMs?: number
}

/** Outgoing HTTP that cannot reach the API's own network (no server-side request forgery). */
export interface NetGuard {
  readonly allowPrivate: boolean
  /** Checks a URL when it is saved: http(s), no credentials, every address of its host public. */
  checkUrl(url: string): Promise<UrlCheck>
  /** A `lookup` for `net.connect`/`http.request` that refuses non-public addresses at connect time. */
  lookup: LookupFunction
  /** An undici dispatcher whose connections are checked at connect time (redirects included). */
  dispatcher: Dispatcher
  /** `fetch` through {@link NetGuard.dispatcher}: a host re-resolving to a private address (DNS rebinding) fails. */
  fetch(input: string | URL, init?: Parameters<typeof undiciFetch>[1]): ReturnType<typeof undiciFetch>
  /** Closes the dispatcher's idle connections. */
  close(): Promise<void>
}

const systemResolve: Resolver = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  )

/**
 * Whether the operator allows outgoing requests to private addresses
 * (`PORTICO_ALLOW_PRIVATE_URLS=1` or `true`).
 */
export function allowPrivateUrlsIn(env: NodeJS.ProcessEnv): boolean {
  const value = (env.PORTICO_ALLOW_PRIVATE_URLS ?? '').toLowerCase()
  return value === '1' || value === 'true'
}

/**
 * Creates the guard of the API's outgoing requests: URLs are checked when saved and every
 * connection is checked again when it opens, so a name that later resolves elsewhere cannot
 * reach a private address.
 * @example const guard = createNetGuard(); const check = await guard.checkUrl('https://hooks.example.com/in')
 */
export function createNetGuard(options: NetGuardOptions = {}): NetGuard {
  const allowPrivate = options.allowPrivate ?? false
  const resolve = options.resolve ?? systemResolve

  async function addressesOf(host: string): Promise<LookupAddress[]> {
    const family = isIP(host)
    return family ? [{ address: host, family }] : await resolve(host)
  }

  async function connectable(hostname: string): Promise<LookupAddress[]> {
    const addresses = await addressesOf(hostname)
    const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address))
    if (refused) throw new BlockedAddressError(hostname, refused.address)
    if (!addresses.length)
      throw Object.assign(new Error(`[portico] ${hostname} has no address`), { code: 'ENOTFOUND' })
    return addresses
  }

  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    connectable(hostname).then(
      (addresses) => {
        const first = addresses[0] as LookupAddress
        if (lookupOptions.all) callback(null, addresses)
        else callback(null, first.address, first.family)
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    )
  }

  const connectTimeout = options.connectTimeoutMs ?? 10_000
  const connector = buildConnector({ lookup, timeout: connectTimeout } as buildConnector.BuildOptions)
  // A literal IP never goes through `lookup`, so it is checked here, for redirects too.
  const guardedConnect: buildConnector.connector = (connectOptions, callback) => {
    const host = connectOptions.hostname.replace(/^\[|\]$/g, '')
    if (!allowPrivate && isIP(host) && !isPublicAddress(host)) {
      callback(new BlockedAddressError(host, host), null)
      return
    }
    connector(connectOptions, callback)
  }
  const dispatcher = new Agent({ connect: guardedConnect })

  return {
    allowPrivate,
    async checkUrl(text) {
      let url: URL
      try {
        url = new URL(text)
      } catch {
        return { ok: false, reason: 'invalid' }
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'protocol' }
      if (url.username || url.password) return { ok: false, reason: 'credentials' }
      if (allowPrivate) return { ok: true, url }
      const host = url.hostname.replace(/^\[|\]$/g, '')
      let addresses: LookupAddress[]
      try {
        addresses = await addressesOf(host)
      } catch {
        return { ok: false, reason: 'unresolved' }
      }
      if (!addresses.length) return { ok: false, reason: 'unresolved' }
      const refused = addresses.find((a) => !isPublicAddress(a.address))
      return refused ? { ok: false, reason: 'private', address: refused.address } : { ok: true, url }
    },
    lookup,
    dispatcher,
    fetch: (input, init) => undiciFetch(input, { ...init, dispatcher }),
    close: () => dispatcher.close(),
  }
}
