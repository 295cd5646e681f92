import type { Contract } from '@portico/schema'
import { describe, expect, it } from 'vitest'
import type { AuditEntry, Contact } from '../src/api/endpoints.js'
import { auditExportName, auditExportPath } from '../src/models/audit-export.js'
import {
  actorName,
  dayOf,
  endOfDay,
  mailedPeople,
  shareState,
  watcherCandidates,
} from '../src/models/ContractModel.js'

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

  it('exports the whole log filtered as on screen, from the API', () => {
    expect(auditExportPath('csv', {})).toBe('/v1/admin/audit/export?format=csv')
    expect(auditExportPath('jsonl', { action: 'contact.updated' })).toBe(
      '/v1/admin/audit/export?format=jsonl&action=contact.updated',
    )
    expect(auditExportName('csv', new Date('2026-12-03T09:00:00Z'))).toBe('portico-audit-2026-12-03.csv')
  })

  it('tells a standing, expired and revoked share apart, and who revoked it', () => {
    const contract = (expiresAt: string | null, revokedAt: string | null) =>
      ({ expiresAt, revokedAt }) as Contract
    const now = Date.parse('2026-06-01T00:00:00Z')
    expect(shareState(contract(null, null), [], now)).toEqual({ kind: 'shared', until: null })
    expect(shareState(contract('2026-07-01T00:00:00Z', null), [], now)).toEqual({
      kind: 'shared',
      until: '2026-07-01T00:00:00Z',
    })
    expect(shareState(contract('2026-05-01T00:00:00Z', null), [], now)).toEqual({
      kind: 'expired',
      at: '2026-05-01T00:00:00Z',
    })
    const trail = [
      { ...entry('contract.share-revoked', {}), actor: { type: 'staff', id: 'first' } },
      entry('contract.share-restored', {}),
      { ...entry('contract.share-revoked', {}), actor: { type: 'staff', id: 'olivia' } },
    ]
    const revoked = shareState(contract('2026-05-01T00:00:00Z', '2026-04-01T00:00:00Z'), trail, now)
    expect(revoked).toEqual({
      kind: 'revoked',
      at: '2026-04-01T00:00:00Z',
      by: { type: 'staff', id: 'olivia' },
    })
    const staff = [{ id: 'olivia', name: 'Olivia Owner', email: 'o@x.test' }]
    expect(actorName({ type: 'staff', id: 'olivia' }, staff)).toBe('Olivia Owner')
    expect(actorName({ type: 'api-key', id: 'olivia' }, staff)).toBeNull()
    expect(actorName({ type: 'staff', id: 'gone' }, staff)).toBeNull()
  })

  it('reads a date field as the end of that day, and back', () => {
    const end = endOfDay('2026-12-13')!
    expect(new Date(end).getDate()).toBe(13)
    expect(new Date(Date.parse(end) + 1).getDate()).toBe(14)
    expect(dayOf(end)).toBe('2026-12-13')
    expect(endOfDay('')).toBeNull()
    expect(dayOf(null)).toBe('')
  })
})
