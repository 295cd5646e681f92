import { createServer, get, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BlockedAddressError, createNetGuard, isPublicAddress, type Resolver } from '../src/net-guard.js'
import { ConfigError, loadConfig } from '../src/ops/config.js'

let server: Server
let port: number
let hits = 0

beforeAll(async () => {
  server = createServer((_req, res) => {
    hits++
    res.end('inside')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** A resolver answering from a table, as a DNS server under an attacker's control would. */
function fakeDns(table: Record<string, string[]>): Resolver {
  return async (host) => {
    const addresses = table[host]
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' })
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
  }
}

describe('isPublicAddress', () => {
  it('accepts public unicast addresses, v4 and v6, right next to the refused ranges', () => {
    for (const address of [
      '93.184.216.34',
      '8.8.8.8',
      '11.0.0.1',
      '172.32.0.1',
      '100.128.0.1',
      '2606:4700::1111',
    ])
      expect(isPublicAddress(address), address).toBe(true)
  })

  it('refuses loopback, private, link-local, CGNAT, unspecified and multicast addresses', () => {
    for (const address of [
      '127.0.0.1',
      '127.255.0.9',
      '10.0.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '100.127.255.255',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      'fd12:3456::1',
      'fc00::1',
      'fe80::1',
      'fe80::1%eth0',
      'ff02::1',
      '[::1]',
      'not-an-ip',
    ])
      expect(isPublicAddress(address), address).toBe(false)
  })

  it('refuses IPv6 addresses that carry a refused IPv4 address (mapped, compatible, NAT64, 6to4)', () => {
    for (const address of [
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:10.1.2.3',
      '::ffff:a9fe:a9fe',
      '::10.0.0.1',
      '64:ff9b::a00:1',
      '64:ff9b::192.168.0.1',
      '2002:c0a8:101::1',
    ])
      expect(isPublicAddress(address), address).toBe(false)
    expect(isPublicAddress('::ffff:8.8.8.8')).toBe(true)
    expect(isPublicAddress('64:ff9b::808:808')).toBe(true)
  })
})

describe('checkUrl', () => {
  const guard = createNetGuard({
    resolve: fakeDns({
      'hooks.example.com': ['93.184.216.34', '2606:2800:220:1::'],
      'sneaky.example.com': ['93.184.216.34', '10.0.0.7'],
      localhost: ['127.0.0.1', '::1'],
    }),
  })

  it('accepts an http(s) URL whose host resolves only to public addresses', async () => {
    const check = await guard.checkUrl('https://hooks.example.com/portico?x=1')
    expect(check).toMatchObject({ ok: true })
    expect(check.ok && check.url.href).toBe('https://hooks.example.com/portico?x=1')
  })

  it('says why a URL is refused', async () => {
    expect(await guard.checkUrl('not a url')).toEqual({ ok: false, reason: 'invalid' })
    expect(await guard.checkUrl('ftp://hooks.example.com/')).toEqual({ ok: false, reason: 'protocol' })
    expect(await guard.checkUrl('file:///etc/passwd')).toEqual({ ok: false, reason: 'protocol' })
    expect(await guard.checkUrl('https://user:pw@hooks.example.com/')).toEqual({
      ok: false,
      reason: 'credentials',
    })
    expect(await guard.checkUrl('http://127.0.0.1:8080/')).toEqual({
      ok: false,
      reason: 'private',
      address: '127.0.0.1',
    })
    expect(await guard.checkUrl('http://[::ffff:169.254.169.254]/latest')).toMatchObject({
      reason: 'private',
    })
    expect(await guard.checkUrl('http://10.1.2.3/')).toMatchObject({ reason: 'private' })
    expect(await guard.checkUrl('http://localhost:3000/')).toMatchObject({ reason: 'private' })
    // One private address among public ones is enough: the connection could pick it.
    expect(await guard.checkUrl('https://sneaky.example.com/')).toEqual({
      ok: false,
      reason: 'private',
      address: '10.0.0.7',
    })
    expect(await guard.checkUrl('https://nowhere.invalid/')).toEqual({ ok: false, reason: 'unresolved' })
  })

  it('lets the operator allow private addresses, still only over http(s)', async () => {
    const open = createNetGuard({ allowPrivate: true })
    expect(await open.checkUrl('http://127.0.0.1:8080/')).toMatchObject({ ok: true })
    expect(await open.checkUrl('http://10.0.0.1/')).toMatchObject({ ok: true })
    expect(await open.checkUrl('gopher://127.0.0.1/')).toEqual({ ok: false, reason: 'protocol' })
    await open.close()
  })
})

describe('guarded fetch', () => {
  it('refuses to connect to a literal private address and sends nothing', async () => {
    const guard = createNetGuard()
    const before = hits
    const error = await guard.fetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e)
    expect((error as Error & { cause?: unknown }).cause).toBeInstanceOf(BlockedAddressError)
    expect(hits).toBe(before)
    await guard.close()
  })

  it('checks the address again at connect time, so DNS rebinding cannot reach inside', async () => {
    let answers = 0
    // First answer public (the save-time check passes), then the attacker's DNS answers loopback.
    const rebinding: Resolver = async () => [
      { address: answers++ === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 },
    ]
    const guard = createNetGuard({ resolve: rebinding })
    expect(await guard.checkUrl(`http://rebind.example.com:${port}/`)).toMatchObject({ ok: true })
    const before = hits
    const error = await guard.fetch(`http://rebind.example.com:${port}/`).catch((e: unknown) => e)
    const cause = (error as Error & { cause?: unknown }).cause
    expect(cause).toBeInstanceOf(BlockedAddressError)
    expect((cause as BlockedAddressError).address).toBe('127.0.0.1')
    expect(hits).toBe(before)
    await guard.close()
  })

  it('guards plain node:http requests through its lookup too', async () => {
    const guard = createNetGuard({ resolve: fakeDns({ 'inside.example.com': ['127.0.0.1'] }) })
    const error = await new Promise((resolve) => {
      get({ host: 'inside.example.com', port, lookup: guard.lookup }, () => resolve(null)).on(
        'error',
        resolve,
      )
    })
    expect(error).toBeInstanceOf(BlockedAddressError)
    await guard.close()
  })

  it('reaches a local receiver when the operator allows private addresses', async () => {
    const guard = createNetGuard({ allowPrivate: true, resolve: fakeDns({ 'receiver.test': ['127.0.0.1'] }) })
    const response = await guard.fetch(`http://receiver.test:${port}/`)
    expect(await response.text()).toBe('inside')
    expect((await guard.fetch(`http://127.0.0.1:${port}/`)).status).toBe(200)
    await guard.close()
  })
})

describe('PORTICO_ALLOW_PRIVATE_URLS', () => {
  const base = { NODE_ENV: 'development' }
  it('is off by default and read as 1/true or 0/false', () => {
    expect(loadConfig(base).allowPrivateUrls).toBe(false)
    expect(loadConfig({ ...base, PORTICO_ALLOW_PRIVATE_URLS: '1' }).allowPrivateUrls).toBe(true)
    expect(loadConfig({ ...base, PORTICO_ALLOW_PRIVATE_URLS: 'true' }).allowPrivateUrls).toBe(true)
    expect(loadConfig({ ...base, PORTICO_ALLOW_PRIVATE_URLS: '0' }).allowPrivateUrls).toBe(false)
  })

  it('names a value it cannot read and says which ones it takes', () => {
    let problems: string[] = []
    try {
      loadConfig({ ...base, PORTICO_ALLOW_PRIVATE_URLS: 'yes' })
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems
    }
    expect(problems).toEqual([expect.stringMatching(/^PORTICO_ALLOW_PRIVATE_URLS="yes" must be 1 or true/)])
  })
})
