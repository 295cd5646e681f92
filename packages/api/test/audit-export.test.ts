import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createStaffSession } from '../src/data/staff-sessions.js'
import { csvCell } from '../src/services/audit-export.js'
import { type Api, setupApi } from './harness.js'
import { admin, otherOrganisation } from './helpers.js'

let api: Api
beforeEach(async () => {
  api = await setupApi()
})
afterEach(async () => {
  await api.close()
})

/** Writes audit entries straight into the log, one second apart from `start`. */
async function seedAudit(
  organisationId: string,
  entries: { action: string; detail?: Record<string, unknown>; ip?: string }[],
  start = '2030-01-01T00:00:00.000Z',
) {
  const base = Date.parse(start)
  const rows = entries.map((e, i) => ({
    id: randomUUID(),
    organisation_id: organisationId,
    at: new Date(base + i * 1000).toISOString(),
    actor_type: 'staff' as const,
    actor_id: 'staff-1',
    action: e.action,
    subject_type: 'application',
    subject_id: 'app-1',
    detail: JSON.stringify(e.detail ?? {}),
    ip: e.ip ?? null,
  }))
  for (let i = 0; i < rows.length; i += 200) {
    await api.db.kysely
      .insertInto('audit_log')
      .values(rows.slice(i, i + 200))
      .execute()
  }
}

async function ownerToken(): Promise<string> {
  const owner = await api.db.kysely
    .selectFrom('staff_users')
    .select('id')
    .where('email', '=', 'owner@acme.test')
    .executeTakeFirstOrThrow()
  return (await createStaffSession(api.db.kysely, owner.id)).token
}

const exportOf = async (query: string, token?: string) =>
  api.app.request(`/v1/admin/audit/export${query}`, {
    headers: { authorization: `Bearer ${token ?? (await ownerToken())}` },
  })

const window = '&from=2030-01-01T00:00:00Z&to=2030-01-02T00:00:00Z'

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks and neutralises formulas', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\tcmd'])
      expect(csvCell(formula)).toBe(`'${formula}`)
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`)
  })
})

describe('the audit log export', () => {
  it('answers CSV oldest first within from/to, quoted, with formulas neutralised, as a download', async () => {
    await seedAudit(api.seed.organisationId, [
      { action: 'contact.created', detail: { note: 'a "quoted", text' } },
      { action: '=HYPERLINK("http://evil.test","click")', ip: '@1.2.3.4' },
      { action: 'contact.updated' },
    ])
    await seedAudit(api.seed.organisationId, [{ action: 'outside.window' }], '2031-01-01T00:00:00.000Z')
    const res = await exportOf(`?format=csv${window}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="portico-audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    const lines = (await res.text()).split('\r\n')
    expect(lines[0]).toBe('at,actor_type,actor_id,action,subject_type,subject_id,detail,ip')
    expect(lines.slice(1, -1)).toEqual([
      '2030-01-01T00:00:00.000Z,staff,staff-1,contact.created,application,app-1,"{""note"":""a \\""quoted\\"", text""}",',
      `2030-01-01T00:00:01.000Z,staff,staff-1,"'=HYPERLINK(""http://evil.test"",""click"")",application,app-1,{},'@1.2.3.4`,
      '2030-01-01T00:00:02.000Z,staff,staff-1,contact.updated,application,app-1,{},',
    ])
    expect(lines.at(-1)).toBe('')
  })

  it('answers JSON lines of the organisation’s own entries only, filtered by action, and audits the export', async () => {
    await seedAudit(api.seed.organisationId, [{ action: 'a.one' }, { action: 'a.two' }, { action: 'a.one' }])
    const other = await otherOrganisation(api)
    await seedAudit(other.organisationId, [{ action: 'a.one', detail: { secret: 'theirs' } }])
    const res = await exportOf(`?format=jsonl&action=a.one${window}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/jsonl; charset=utf-8')
    const entries = (await res.text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(entries.map((e) => [e.action, e.at])).toEqual([
      ['a.one', '2030-01-01T00:00:00.000Z'],
      ['a.one', '2030-01-01T00:00:02.000Z'],
    ])
    expect(JSON.stringify(entries)).not.toContain('theirs')
    const log = await api.call('GET', '/v1/admin/audit?action=audit.exported', { token: await ownerToken() })
    expect(log.body.items[0]).toMatchObject({
      action: 'audit.exported',
      actor: { type: 'staff' },
      detail: { format: 'jsonl', action: 'a.one' },
    })
  })

  it('streams a large log in several chunks instead of one buffered body', async () => {
    await seedAudit(
      api.seed.organisationId,
      Array.from({ length: 1300 }, (_, i) => ({ action: `bulk.${i}` })),
    )
    const res = await exportOf(`?format=csv${window}`)
    expect(res.status).toBe(200)
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    const chunks: string[] = []
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(decoder.decode(value, { stream: true }))
    }
    // A header, then batches of at most 500 entries: 1300 entries arrive in at least 3 chunks.
    expect(chunks.length).toBeGreaterThanOrEqual(3)
    const rows = chunks.join('').split('\r\n').slice(1, -1)
    expect(rows).toHaveLength(1300)
    expect(rows[0]).toContain('bulk.0,')
    expect(rows[1299]).toContain('bulk.1299,')
    for (const chunk of chunks) expect(chunk.split('\r\n').length).toBeLessThanOrEqual(502)
  })

  it('refuses a bad format or time with field messages, and agents', async () => {
    const bad = await exportOf('?format=xlsx&from=yesterday')
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toContain('application/problem+json')
    const body = (await bad.json()) as { errors: { field: string; message: string }[] }
    expect(body.errors.map((e) => e.field).sort()).toEqual(['format', 'from'])
    expect(body.errors.find((e) => e.field === 'format')?.message).toBe('Use csv or jsonl')
    const agent = await api.db.kysely
      .selectFrom('staff_users')
      .select('id')
      .where('email', '=', 'agent@acme.test')
      .executeTakeFirstOrThrow()
    const forbidden = await exportOf('', (await createStaffSession(api.db.kysely, agent.id)).token)
    expect(forbidden.status).toBe(403)
  })
})

describe('the audit log list', () => {
  const actionsOf = async (query: string) => {
    const res = await admin(api, 'GET', `/audit${query}`)
    expect(res.status).toBe(200)
    return res.body.items.map((e: { action: string }) => e.action)
  }

  it('compares from/to as instants: another offset, or no milliseconds, selects the same entries', async () => {
    // Stored at 00:00:00.000Z, 00:00:01.000Z and 00:00:02.000Z.
    await seedAudit(api.seed.organisationId, [{ action: 'a0' }, { action: 'a1' }, { action: 'a2' }])
    // 02:00:01+02:00 is 00:00:01Z: as text it sorts after every entry and selected none;
    // `…02Z` sorts after `…02.000Z` as text and let a2 in.
    expect(await actionsOf('?from=2030-01-01T02:00:01%2B02:00&to=2030-01-01T00:00:02Z')).toEqual(['a1'])
    expect(await actionsOf('?from=2030-01-01T00:00:01Z')).toEqual(['a2', 'a1'])
    expect(await actionsOf('?from=2029-12-31T19:00:00-05:00&to=2030-01-01T00:00:01.000Z')).toEqual(['a0'])
    // Pages of a range keep to it.
    const first = await admin(
      api,
      'GET',
      '/audit?from=2030-01-01T01:00:00%2B01:00&to=2030-01-01T00:00:03Z&limit=2',
    )
    expect(first.body.items.map((e: { action: string }) => e.action)).toEqual(['a2', 'a1'])
    const next = await admin(
      api,
      'GET',
      `/audit?from=2030-01-01T01:00:00%2B01:00&to=2030-01-01T00:00:03Z&limit=2&cursor=${first.body.nextCursor}`,
    )
    expect(next.body.items.map((e: { action: string }) => e.action)).toEqual(['a0'])
    expect(next.body.nextCursor).toBeNull()
  })

  it('refuses a malformed from or to with a 400 and a field message', async () => {
    for (const from of ['2030-02-30T00:00:00Z', 'yesterday', '2030-01-01', '2030-01-01T00:00:00%2B0200']) {
      const res = await admin(api, 'GET', `/audit?from=${from}`)
      expect(res.status, from).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(res.body.errors).toEqual([
        { field: 'from', message: 'Use an ISO 8601 time, e.g. 2026-01-31T00:00:00Z' },
      ])
    }
    const to = await admin(api, 'GET', '/audit?to=2030-01-01T25:00:00Z')
    expect(to.status).toBe(400)
    expect(to.body.errors).toEqual([
      { field: 'to', message: 'Use an ISO 8601 time, e.g. 2026-01-31T00:00:00Z' },
    ])
  })
})
