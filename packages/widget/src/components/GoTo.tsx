import type { ComponentChildren } from 'preact'
import type { Route } from '../models/routes.js'
import { useWidget } from './context.js'

/** A link-styled button to another view of the widget (a button: the host page's URL does not change). */
export function GoTo({ to, children }: { to: Route; children: ComponentChildren }) {
  const { model } = useWidget()
  return (
    <button type="button" class="link" onClick={() => model.navigate(to)}>
      {children}
    </button>
  )
}
