import type { ComponentChildren } from 'preact'

/** An empty list: what is missing and, when there is one, the action that fills it. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>
}
