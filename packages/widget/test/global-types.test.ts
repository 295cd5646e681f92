import { describe, expectTypeOf, it } from 'vitest'
import type { PorticoCommand, PorticoPortalElement } from '../src/index.js'

describe('global typings', () => {
  it('types <portico-portal> in querySelector and createElement, and window.portico', () => {
    expectTypeOf(document.createElement('portico-portal')).toEqualTypeOf<PorticoPortalElement>()
    expectTypeOf(document.querySelector('portico-portal')).toEqualTypeOf<PorticoPortalElement | null>()
    expectTypeOf(window.portico).toEqualTypeOf<PorticoCommand | undefined>()
    // At run time, a page without the script tag has no global.
    expectTypeOf(window.portico).not.toBeAny()
    if (window.portico !== undefined) throw new Error('no script tag here, so no window.portico')
  })
})
