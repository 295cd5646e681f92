import type { ComponentChildren } from 'preact'
import { useWidget } from './context.js'

type Level = 1 | 2 | 3 | 4 | 5 | 6
const level = (n: number) => Math.min(6, Math.max(1, n)) as Level

/** The heading of a view; it takes focus when the view changes, so keyboard and screen-reader users follow. */
export function Heading({ children }: { children: ComponentChildren }) {
  const { model } = useWidget()
  // One level below the portal's title, whose level the host page chooses (data-heading-level).
  const Tag = `h${level(model.headingLevel + 1)}` as const
  return (
    <Tag class="heading" tabIndex={-1} data-heading>
      {children}
    </Tag>
  )
}

/** A section heading inside a view: two levels below the portal's title. */
export function Subheading({ children, id }: { children: ComponentChildren; id?: string }) {
  const { model } = useWidget()
  const Tag = `h${level(model.headingLevel + 2)}` as const
  return (
    <Tag class="subheading" id={id}>
      {children}
    </Tag>
  )
}

/** The portal's own title, at the level the host page chose. */
export function Title({ children }: { children: ComponentChildren }) {
  const { model } = useWidget()
  const Tag = `h${level(model.headingLevel)}` as const
  return (
    <Tag class="title" part="title">
      {children}
    </Tag>
  )
}
