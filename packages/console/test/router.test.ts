import { describe, expect, it } from 'vitest'
import { RouterModel } from '../src/models/RouterModel.js'

/** A window with just what the router uses: the address, history and popstate. */
function fakeWindow(path: string) {
  const location = { pathname: path, search: '', hash: '' }
  const history = {
    pushState: (_: unknown, __: string, url: string) => Object.assign(location, { pathname: url }),
    replaceState: (_: unknown, __: string, url: string) => Object.assign(location, { pathname: url }),
  }
  return { location, history, addEventListener() {} } as unknown as Window
}

describe('the console router', () => {
  it('sends a signed-out visitor to sign in and back to the screen they asked for', () => {
    const win = fakeWindow('/console/contracts/k1')
    const router = new RouterModel('/console/', win)
    router.toSignIn()
    expect(win.location.pathname).toBe('/console/sign-in')
    expect(router.route.value).toEqual({ name: 'sign-in' })
    router.afterSignIn()
    expect(win.location.pathname).toBe('/console/contracts/k1')
    expect(router.route.value).toEqual({ name: 'contract', id: 'k1' })
    // Already moved on: a second call (the shell's and the form's) changes nothing.
    router.afterSignIn()
    expect(router.route.value).toEqual({ name: 'contract', id: 'k1' })
    // Remembered once only: a later sign-in (after signing out) starts at the inbox.
    router.go({ name: 'sign-in' }, { replace: true })
    router.afterSignIn()
    expect(router.route.value).toEqual({ name: 'inbox' })
  })

  it('opens the inbox after a sign-in that started on the sign-in screen itself', () => {
    const router = new RouterModel('/console/', fakeWindow('/console/sign-in'))
    router.toSignIn()
    router.afterSignIn()
    expect(router.route.value).toEqual({ name: 'inbox' })
  })
})
