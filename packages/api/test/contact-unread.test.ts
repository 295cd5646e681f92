import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin, login } from './helpers.js'

let api: Api
let token: string
let applicationId: string
beforeEach(async () => {
  api = await setupApi()
  token = await login(api)
  applicationId = (await api.call('GET', '/v1/me/applications', { token })).body.items[0].id
})
afterEach(async () => {
  await api.close()
})

async function unread(): Promise<Record<string, boolean>> {
  const res = await api.call('GET', '/v1/me/applications', { token })
  expect(res.status).toBe(200)
  return Object.fromEntries(
    res.body.items.map((item: { id: string; unread: boolean }) => [item.id, item.unread]),
  )
}

describe('unread staff replies in the contact’s list', () => {
  it('marks an application with a staff reply unread until the contact reads its notes', async () => {
    expect(await unread()).toEqual({ [applicationId]: false })
    // The contact's own note is not something to read.
    const own = await api.call('POST', `/v1/me/applications/${applicationId}/notes`, {
      token,
      body: { body: 'Here is my passport.' },
    })
    expect(own.status).toBe(201)
    expect((await unread())[applicationId]).toBe(false)

    const reply = await admin(api, 'POST', `/applications/${applicationId}/notes`, {
      body: 'Thanks, we are checking it.',
      author: 'Jo',
    })
    expect(reply.status).toBe(201)
    expect((await unread())[applicationId]).toBe(true)

    const notes = await api.call('GET', `/v1/me/applications/${applicationId}/notes`, { token })
    expect(notes.status).toBe(200)
    expect(notes.body.items.map((n: { body: string }) => n.body)).toContain('Thanks, we are checking it.')
    expect((await unread())[applicationId]).toBe(false)

    // A newer reply is unread again; reading the detail alone does not mark it read.
    await new Promise((resolve) => setTimeout(resolve, 5))
    await admin(api, 'POST', `/applications/${applicationId}/notes`, { body: 'Approved soon.', author: 'Jo' })
    await api.call('GET', `/v1/me/applications/${applicationId}`, { token })
    expect((await unread())[applicationId]).toBe(true)
    await api.call('GET', `/v1/me/applications/${applicationId}/notes`, { token })
    expect((await unread())[applicationId]).toBe(false)
  })

  it('keeps one marker per contact: another contact of the organisation reading changes nothing', async () => {
    await admin(api, 'POST', `/applications/${applicationId}/notes`, { body: 'A reply.', author: 'Jo' })
    // Someone else's session cannot read this application's notes (404) nor move this marker.
    const other = await api.call('POST', '/v1/portals/acme-services/register', {
      body: { name: 'Eve', email: 'eve@example.com', password: 'long enough', process: 'kyc' },
    })
    expect(other.status).toBe(201)
    const denied = await api.call('GET', `/v1/me/applications/${applicationId}/notes`, {
      token: other.body.token,
    })
    expect(denied.status).toBe(404)
    expect((await unread())[applicationId]).toBe(true)
  })
})
