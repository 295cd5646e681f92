import { describe, expect, it } from 'vitest'
import { parseRoute, pathOf, type Route } from '../src/models/routes.js'

describe('console routes', () => {
  it('reads every screen from its path and writes the same path back', () => {
    const routes: Route[] = [
      { name: 'inbox' },
      { name: 'application', id: 'a1' },
      { name: 'processes' },
      { name: 'process', id: 'p1' },
      { name: 'portals' },
      { name: 'portal', id: 'po1', tab: 'settings' },
      { name: 'portal', id: 'po1', tab: 'embed' },
      { name: 'portal', id: 'po1', tab: 'sign-in' },
      { name: 'contacts' },
      { name: 'contact', id: 'c1' },
      { name: 'company', id: 'co1' },
      { name: 'profiles' },
      { name: 'contracts' },
      { name: 'contract', id: 'k1' },
      { name: 'outbox' },
      { name: 'audit' },
      { name: 'settings' },
      { name: 'sign-in' },
      { name: 'forgot' },
    ]
    for (const route of routes) expect(parseRoute(pathOf(route))).toEqual(route)
  })

  it('takes mail-link tokens from the fragment or the query', () => {
    expect(parseRoute('/console/reset-password', '', '#token=sr_abc')).toEqual({
      name: 'reset',
      token: 'sr_abc',
    })
    expect(parseRoute('/console/', '', '#/accept-invitation?token=st_1%2B2')).toEqual({
      name: 'accept-invitation',
      token: 'st_1+2',
    })
    expect(parseRoute('/console/accept-invitation', '?token=si_x')).toEqual({
      name: 'accept-invitation',
      token: 'si_x',
    })
  })

  it('sends unknown paths to a not-found screen and an unknown tab to settings', () => {
    expect(parseRoute('/console/nope')).toEqual({ name: 'not-found' })
    expect(parseRoute('/console/portals/p/other')).toEqual({ name: 'portal', id: 'p', tab: 'settings' })
  })

  it('encodes ids so a slash in one never becomes another path', () => {
    expect(pathOf({ name: 'application', id: 'a/b' })).toBe('/console/applications/a%2Fb')
    expect(parseRoute('/console/applications/a%2Fb')).toEqual({ name: 'application', id: 'a/b' })
  })
})
