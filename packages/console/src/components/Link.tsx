import type { ComponentChildren } from 'preact'
import type { Route } from '../models/routes.js'
import { useConsole } from './context.js'

/** A real link (middle-click and copy work) that navigates inside the console on a plain click. */
export function Link({
  to,
  children,
  ...rest
}: {
  to: Route
  children: ComponentChildren
  class?: string
  'aria-current'?: 'page' | undefined
}) {
  const { router } = useConsole()
  return (
    <a
      {...rest}
      href={router.href(to)}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
        event.preventDefault()
        router.go(to)
      }}
    >
      {children}
    </a>
  )
}
