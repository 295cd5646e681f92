import { within } from '@testing-library/preact'
import { render } from 'preact'
import { App } from '../src/components/App.js'
import { WidgetContext } from '../src/components/context.js'
import { Emitter } from '../src/events.js'
import { PortalModel, type PortalModelOptions } from '../src/models/PortalModel.js'
import { API } from './fixtures.js'

const mounted: (() => void)[] = []

/** Renders a portal into a shadow root, as mount() does, and returns queries scoped to it. */
export function renderPortal(portal: string, options: Partial<PortalModelOptions> = {}) {
  const host = document.createElement('div')
  document.body.append(host)
  const shadow = host.attachShadow({ mode: 'open' })
  const container = document.createElement('div')
  shadow.append(container)
  const events = new Emitter()
  const model = new PortalModel({ api: API, portal, locale: 'en', timeout: 500, events, ...options })
  render(
    <WidgetContext.Provider value={{ model, t: model.t, locale: model.locale }}>
      <App />
    </WidgetContext.Provider>,
    container,
  )
  void model.start()
  mounted.push(() => {
    render(null, container)
    // As mount()'s destroy() does: what follows the session (the shared live stream) ends.
    model.session.value = null
    host.remove()
  })
  // Testing Library queries any node with querySelectorAll, the shadow root included.
  return { view: within(container), model, events, shadow }
}

/** Unmounts every portal rendered by the test. */
export function cleanupPortals(): void {
  for (const unmount of mounted.splice(0)) unmount()
  sessionStorage.clear()
  localStorage.clear()
}
