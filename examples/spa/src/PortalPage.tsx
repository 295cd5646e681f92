import { mount } from '@portico/widget'
import { useEffect, useRef, useState } from 'preact/hooks'

const api =
  document.querySelector<HTMLMetaElement>('meta[name="portico-api"]')?.content ?? 'http://127.0.0.1:8787'

/** The client-area route: mounts the portal when shown and destroys it when the route changes. */
export function PortalPage() {
  const target = useRef<HTMLDivElement>(null)
  const [status, setStatus] = useState('Loading the client area…')
  useEffect(() => {
    if (!target.current) return
    const portal = mount(target.current, { portal: 'acme-services', api, height: '520px' })
    const off = portal.on('ready', () => setStatus('Client area ready'))
    portal.on('application:created', ({ process }) => setStatus(`Application started: ${process}`))
    return () => {
      off()
      portal.destroy()
    }
  }, [])
  return (
    <section>
      <h1>Client area</h1>
      <p role="status">{status}</p>
      <div ref={target} />
    </section>
  )
}
