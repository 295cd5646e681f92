import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApiKey, createOrganisation } from '../src/data/organisations.js'
import { type Api, setupApi } from './harness.js'
import { admin, login } from './helpers.js'

let api: Api
let token: string
let applicationId: string
beforeEach(async () => {
  api = await setupApi()
  token = await login(api)
  const created = await api.call('POST', '/v1/me/applications', { token, body: { process: 'incident' } })
  applicationId = created.body.id
})
afterEach(async () => {
  await api.close()
})

describe('internal notes', () => {
  it('are listed for staff and never reach the contact', async () => {
    const written = await admin(api, 'POST', `/applications/${applicationId}/internal-notes`, {
      body: 'Check their ID twice',
    })
    expect(written.status).toBe(201)
    expect(written.body).toMatchObject({ body: 'Check their ID twice' })
    const listed = await admin(api, 'GET', `/applications/${applicationId}/internal-notes`)
    expect(listed.body.items.map((n: { body: string }) => n.body)).toEqual(['Check their ID twice'])
    // The contact's timeline and the staff thread with the contact both stay without it.
    const mine = await api.call('GET', `/v1/me/applications/${applicationId}/notes`, { token })
    expect(JSON.stringify(mine.body)).not.toContain('Check their ID twice')
    const detail = await admin(api, 'GET', `/applications/${applicationId}`)
    expect(JSON.stringify(detail.body.notes)).not.toContain('Check their ID twice')
    // Nor is the contact mailed about it.
    const outbox = await admin(api, 'GET', '/outbox')
    expect(JSON.stringify(outbox.body)).not.toContain('Check their ID twice')
  })

  it('refuses an empty note with a field message and another organisation’s application with a 404', async () => {
    const empty = await admin(api, 'POST', `/applications/${applicationId}/internal-notes`, { body: '  ' })
    expect(empty.status).toBe(400)
    expect(empty.body.errors[0].field).toBe('body')
    const other = await createOrganisation(api.db.kysely, 'Other')
    const { key } = await createApiKey(api.db.kysely, other, 'other')
    const foreign = await admin(api, 'GET', `/applications/${applicationId}/internal-notes`, undefined, key)
    expect(foreign.status).toBe(404)
    const write = await admin(
      api,
      'POST',
      `/applications/${applicationId}/internal-notes`,
      { body: 'x' },
      key,
    )
    expect(write.status).toBe(404)
  })
})

describe('an application’s audit trail', () => {
  it('lists its status changes and internal notes, oldest first', async () => {
    await admin(api, 'POST', `/applications/${applicationId}/status`, { status: 'in_review' })
    await admin(api, 'POST', `/applications/${applicationId}/internal-notes`, { body: 'Looks fine' })
    await admin(api, 'POST', `/applications/${applicationId}/status`, { status: 'approved' })
    const trail = await admin(api, 'GET', `/applications/${applicationId}/audit`)
    expect(trail.status).toBe(200)
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual([
      'application.status-changed',
      'application.internal-note-added',
      'application.status-changed',
    ])
    expect(trail.body.items[2].detail).toMatchObject({ from: 'in_review', to: 'approved' })
  })
})
