import type { Mode } from '@portico/widget'
import type { DetailedHTMLProps, HTMLAttributes } from 'react'

/** Attributes of the `<portico-portal>` custom element (after `defineElement()` from `@portico/widget`). */
export interface PorticoPortalAttributes extends DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> {
  portal: string
  api: string
  mode?: Mode
  process?: string
  /** Comma-separated tags stamped on new applications. */
  tags?: string
  locale?: string
}

// Lets React code write <portico-portal portal="…" api="…"> with checked attributes.
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'portico-portal': PorticoPortalAttributes
    }
  }
}
