import { mkdtempSync, rmSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openDatabase, type RunningServer, seedDemo, startServer } from '../src/index.js'
import { LocalDiskStorage } from '../src/storage/index.js'
import { createScratchDatabase, type ScratchDatabase } from './databases.js'

let scratch: ScratchDatabase
let server: RunningServer
let port: number
const uploads = mkdtempSync(join(tmpdir(), 'portico-early-'))
beforeAll(async () => {
  scratch = await createScratchDatabase(process.env, { template: inject('postgresTemplate') })
  server = await startServer({ databaseUrl: scratch.url, port: 0, mail: false, consoleDir: false })
  port = Number(new URL(server.url).port)
  const db = await openDatabase(scratch.url)
  await seedDemo(db.kysely, { storage: new LocalDiskStorage(uploads) })
  await db.close()
})
afterAll(async () => {
  await server.close()
  await scratch.drop()
  rmSync(uploads, { recursive: true, force: true })
})

/** Reads one HTTP answer (head and a Content-Length body) from a raw socket. */
function readAnswer(socket: Socket): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    let data = Buffer.alloc(0)
    const onData = (chunk: Buffer) => {
      data = Buffer.concat([data, chunk])
      const end = data.indexOf('\r\n\r\n')
      if (end < 0) return
      const head = data.subarray(0, end).toString()
      const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0)
      if (data.length < end + 4 + length) return
      socket.off('data', onData)
      socket.off('error', onError)
      socket.off('close', onClose)
      const body = data.subarray(end + 4, end + 4 + length).toString()
      resolve({ status: Number(head.split(' ')[1]), head, body })
    }
    const onError = (error: Error) => reject(error)
    const onClose = () => reject(new Error(`closed before an answer: ${data.toString().slice(0, 200)}`))
    socket.on('data', onData)
    socket.once('error', onError)
    socket.once('close', onClose)
  })
}

/** Sends a POST with a large body on a keep-alive connection, then a second request on it. */
async function twoRequests(path: string, bodyBytes: number, headers = '') {
  const socket = connect({ port, host: '127.0.0.1' })
  await new Promise((resolve) => socket.once('connect', resolve))
  socket.on('error', () => {})
  const first = readAnswer(socket)
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${bodyBytes}\r\nConnection: keep-alive\r\n${headers}\r\n`,
  )
  const chunk = Buffer.alloc(64 * 1024, 0x20)
  let sent = 0
  while (sent < bodyBytes && !socket.destroyed) {
    const size = Math.min(chunk.length, bodyBytes - sent)
    const ok = socket.write(chunk.subarray(0, size))
    sent += size
    if (!ok)
      await new Promise((resolve) => {
        socket.once('drain', resolve)
        socket.once('close', resolve)
      })
  }
  const answer = await first
  let second: { status: number } | 'closed'
  if (/connection: close/i.test(answer.head)) second = 'closed'
  else {
    const next = readAnswer(socket)
    socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    second = await next
  }
  socket.destroy()
  return { answer, second }
}

describe('answers sent before the body is read', () => {
  it('a 413 for a 5 MiB post always reaches the client, and the connection either serves the next request or says it closes', async () => {
    const results = await Promise.all(
      Array.from({ length: 48 }, () => twoRequests('/v1/portals/acme-services/login', 5 * 1024 * 1024)),
    )
    for (const { answer, second } of results) {
      expect(answer.status).toBe(413)
      expect(answer.head).toMatch(/content-type: application\/problem\+json/i)
      expect(second === 'closed' || second.status === 200).toBe(true)
    }
  }, 60_000)

  it('a 401 before a large body is read leaves the connection usable or closed on purpose', async () => {
    for (let i = 0; i < 5; i++) {
      const { answer, second } = await twoRequests(
        '/v1/me/applications',
        900 * 1024,
        'Authorization: Bearer pt_wrong\r\n',
      )
      expect(answer.status).toBe(401)
      expect(second === 'closed' || second.status === 200).toBe(true)
    }
  }, 60_000)
})

describe('requests Node cannot parse', () => {
  it('answer oversized headers and a malformed request line with a problem document', async () => {
    const raw = async (text: string) => {
      const socket = connect({ port, host: '127.0.0.1' })
      await new Promise((resolve) => socket.once('connect', resolve))
      const answer = readAnswer(socket)
      socket.write(text)
      const result = await answer
      socket.destroy()
      return result
    }
    const big = await raw(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`)
    expect(big.status).toBe(431)
    expect(big.head).toMatch(/content-type: application\/problem\+json/i)
    expect(JSON.parse(big.body)).toMatchObject({ status: 431 })
    const bad = await raw('NONSENSE\r\n\r\n')
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body)).toMatchObject({ status: 400 })
  })
})
