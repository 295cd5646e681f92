import { describe, expect, it } from 'vitest'
import type { AuditEntry, Contact } from '../src/api/endpoints.js'
import { mailedPeople, watcherCandidates } from '../src/models/ContractModel.js'
import { auditCsv } from '../src/models/csv.js'

const entry = (
  action: string,
  detail: Record<string, unknown>,
  at = '2026-01-01T00:00:00.000Z',
): AuditEntry => ({
  id: `${action}-${at}`,
  at,
  actor: { type: 'staff', id: 's1' },
  action,
  subject: { type: 'application', id: 'a1' },
  detail,
  ip: null,
})

const contact = (id: string, companyId: string | null): Contact => ({
  id,
  email: `${id}@x.test`,
  name: id,
  phone: null,
  locale: 'en',
  status: 'active',
  companyId,
  profileId: null,
  isCompanyAdmin: false,
  authorizedProcesses: [],
  createdAt: '',
})

describe('records read from the audit trail', () => {
  it('lists who a contract was e-mailed to, by role', () => {
    expect(
      mailedPeople([entry('contract.shared', { requester: 'r', watchers: ['w1', 'w2'] })]).map((p) => [
        p.id,
        p.role,
      ]),
    ).toEqual([
      ['r', 'requester'],
      ['w1', 'watcher'],
      ['w2', 'watcher'],
    ])
  })

  it('offers as watchers only the requester’s colleagues', () => {
    const all = [contact('r', 'c1'), contact('mate', 'c1'), contact('other', 'c2'), contact('loner', null)]
    expect(watcherCandidates(all, 'r').map((c) => c.id)).toEqual(['mate'])
    expect(watcherCandidates(all, 'loner')).toEqual([])
  })

  it('exports CSV with quoting and without spreadsheet formulas', () => {
    const csv = auditCsv([entry('x', { note: 'a "b", c' }), entry('=HYPERLINK("evil")', {})])
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('at,actor_type,actor_id,action,subject_type,subject_id,detail,ip')
    expect(lines[1]).toContain('"{""note"":""a \\""b\\"", c""}"')
    expect(lines[2]).toContain(`"'=HYPERLINK(""evil"")"`)
  })
})
