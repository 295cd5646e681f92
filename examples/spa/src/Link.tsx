import type { ComponentChildren } from 'preact'
import { BASE, navigate } from './router.js'

/** A link that changes route without reloading the page. */
export function Link({ to, children }: { to: string; children: ComponentChildren }) {
  return (
    <a
      href={`${BASE}${to}`}
      onClick={(event) => {
        event.preventDefault()
        navigate(to)
      }}
    >
      {children}
    </a>
  )
}
