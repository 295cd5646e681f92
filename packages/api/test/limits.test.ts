import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin, login, mailText, outbox, PDF, upload } from './helpers.js'

let api: Api
beforeEach(async () => {
  api = await setupApi({ app: { uploads: { maxBytes: 2048 }, publicUrl: 'https://api.acme.example/' } })
})
afterEach(async () => {
  await api.close()
})

describe('request bodies', () => {
  it('refuses a JSON body over 1 MiB with a 413 problem, before parsing it', async () => {
    const res = await api.call('POST', '/v1/portals/acme-services/login', {
      raw: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(1024 * 1024 + 10) }),
    })
    expect(res.status).toBe(413)
    expect(res.type).toBe('application/problem+json')
  })

  it('stops reading a streamed upload without Content-Length once it passes the limit', async () => {
    const token = await login(api)
    const id = (await api.call('GET', '/v1/me/applications', { token })).body.items[0].id
    const form = new FormData()
    form.set('file', new File(['x'.repeat(200_000)], 'big.txt', { type: 'text/plain' }))
    const body = new Response(form)
    const res = await api.app.request(`/v1/me/applications/${id}/attachments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': body.headers.get('content-type')!,
        'transfer-encoding': 'chunked',
      },
      body: body.body,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(((await res.json()) as { type: string }).type).toBe('urn:portico:problem:body-too-large')
  })
})

describe('mail links', () => {
  it('never follow the request Host header; they use the portal page, else the configured public URL', async () => {
    await api.call('POST', '/v1/portals/acme-services/forgot-password', {
      body: { email: api.seed.login.email },
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    })
    const [first] = await outbox(api)
    expect(mailText(first!)).toContain('https://api.acme.example/#portico-reset=pr_')
    expect(mailText(first!)).not.toContain('evil.example')
    const portals = await admin(api, 'GET', '/portals')
    const services = portals.body.items.find((p: { slug: string }) => p.slug === 'acme-services')
    await admin(api, 'PATCH', `/portals/${services.id}`, { publicUrl: 'https://www.acme.example/portal' })
    await api.call('POST', '/v1/portals/acme-services/forgot-password', {
      body: { email: api.seed.login.email },
    })
    const second = (await outbox(api))[1]
    expect(mailText(second!)).toContain('https://www.acme.example/portal#portico-reset=pr_')
  })
})

describe('same-company colleagues', () => {
  it('may read a colleague’s application but not add notes or files to it', async () => {
    const dana = await login(api)
    const sam = await login(api, { email: 'sam@acme.test', password: api.seed.login.password })
    const id = (await api.call('GET', '/v1/me/applications', { token: dana })).body.items[0].id
    expect((await api.call('GET', `/v1/me/applications/${id}`, { token: sam })).status).toBe(200)
    const note = await api.call('POST', `/v1/me/applications/${id}/notes`, {
      token: sam,
      body: { body: 'hi' },
    })
    expect(note.status).toBe(403)
    const file = await upload(api, `/v1/me/applications/${id}/attachments`, sam, {
      name: 'a.pdf',
      type: 'application/pdf',
      bytes: PDF,
    })
    expect(file.status).toBe(403)
  })
})
