import type { ComponentChildren } from 'preact'

/** The heading of a view; it takes focus when the view changes, so keyboard and screen-reader users follow. */
export function Heading({ children }: { children: ComponentChildren }) {
  return (
    <h2 class="heading" tabIndex={-1} data-heading>
      {children}
    </h2>
  )
}
