// A host app on Preact 10 and @preact/signals 1 that mounts the npm widget, as an SPA would.

import { mount } from '@portico/widget'
import { signal } from '@preact/signals'
import { h, render } from 'preact'
import { useEffect, useRef } from 'preact/hooks'

const params = new URLSearchParams(location.search)
const clicks = signal(0)

function Portal() {
  const ref = useRef(null)
  useEffect(() => {
    const portal = mount(ref.current, { portal: params.get('portal'), api: params.get('api') })
    return () => portal.destroy()
  }, [])
  return h('div', { ref })
}

function App() {
  return h(
    'main',
    null,
    h('button', { type: 'button', onClick: () => clicks.value++ }, 'Host clicks: ', clicks),
    h(Portal, null),
  )
}

render(h(App, null), document.getElementById('app'))
