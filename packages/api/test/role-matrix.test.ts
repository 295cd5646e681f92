import { OPERATIONS, type Operation, ROLES, type Role, roleAllows } from '@portico/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiKey } from '../src/data/organisations.js'
import { createStaffSession } from '../src/data/staff-sessions.js'
import { insertStaff } from '../src/data/staff-users.js'
import { type Api, setupApi } from './harness.js'

// Every staff operation of the route table, so a new operation is covered without editing this file.
const STAFF_OPERATIONS = Object.entries(OPERATIONS as Record<string, Operation>).filter(
  ([, op]) => op.auth === 'staff',
)
const FAKE_ID = '00000000-0000-4000-8000-000000000000'

let api: Api
const staffIds = new Map<Role, string>()
beforeAll(async () => {
  api = await setupApi()
  for (const role of ROLES) {
    const staff = await insertStaff(api.db.kysely, {
      organisationId: api.seed.organisationId,
      email: `matrix-${role}@acme.test`,
      name: `Matrix ${role}`,
      role,
      locale: 'en',
      passwordHash: null,
    })
    staffIds.set(role, staff.id)
  }
})
afterAll(async () => {
  await api.close()
})

function request(op: Operation, token: string) {
  const path = op.path.replace(/\{\w+\}/g, FAKE_ID)
  const json = op.body !== undefined && op.body !== 'multipart'
  return api.call(op.method.toUpperCase(), path, { token, ...(json ? { body: {} } : {}) })
}

describe('role matrix', () => {
  it(`allows or refuses every staff operation (${STAFF_OPERATIONS.length}) for every role (${ROLES.length}) exactly as the route table says`, async () => {
    const outcomes: string[] = []
    const wrong: string[] = []
    for (const [id, op] of STAFF_OPERATIONS) {
      const minimum = op.role ?? 'viewer'
      for (const role of ROLES) {
        // A fresh session per call: logout operations end the session they run in.
        const { token } = await createStaffSession(api.db.kysely, staffIds.get(role)!)
        const res = await request(op, token)
        const allowed = roleAllows(role, minimum)
        const ok = allowed
          ? res.status !== 401 && res.status !== 403 && res.status < 500
          : res.status === 403 && res.body?.type === 'urn:portico:problem:role-forbidden'
        outcomes.push(`${id} ${role} ${res.status}`)
        if (!ok)
          wrong.push(`${id} as ${role}: ${res.status} ${JSON.stringify(res.body)} (minimum ${minimum})`)
      }
    }
    expect(wrong).toEqual([])
    expect(outcomes).toHaveLength(STAFF_OPERATIONS.length * ROLES.length)
    console.log(
      `[role matrix] ${STAFF_OPERATIONS.length} operations × ${ROLES.length} roles = ${outcomes.length} checks`,
    )
  }, 120_000)

  it('treats a read-only API key as a viewer and any other key as an admin on every admin operation', async () => {
    const readOnly = (await createApiKey(api.db.kysely, api.seed.organisationId, 'ro', { readOnly: true }))
      .key
    const full = (await createApiKey(api.db.kysely, api.seed.organisationId, 'full')).key
    const wrong: string[] = []
    for (const [id, op] of STAFF_OPERATIONS.filter(([, op]) => op.path.startsWith('/v1/admin/'))) {
      for (const [key, role] of [
        [readOnly, 'viewer'],
        [full, 'admin'],
      ] as const) {
        const res = await request(op, key)
        const allowed = roleAllows(role, op.role ?? 'viewer')
        if (allowed !== (res.status !== 403) || res.status === 401 || res.status >= 500) {
          wrong.push(`${id} as ${role} key: ${res.status}`)
        }
      }
    }
    expect(wrong).toEqual([])
  }, 120_000)
})
