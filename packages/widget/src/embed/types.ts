import type { PortalConfig } from '@portico/schema'
import type { PorticoEventMap } from '../events.js'
import type { mount } from '../mount.js'
import type { defineElement } from './define.js'
import type { splitTags } from './source.js'

/** What the loader hands over once the widget chunk has loaded. */
export interface EmbedInit {
  /** The loader's `<script>` tag, whose `data-*` attributes configure the portal. */
  script: HTMLScriptElement
  /** Where an inline portal renders (the loader checked `data-target`). */
  target: Element
  /** The API base URL (the loader checked `data-api`). */
  api: string
  /** The portal config the loader fetched in parallel with the widget. */
  config?: Promise<PortalConfig>
}

/** What the lazily loaded command code uses from the first chunk. */
export interface Kit {
  mount: typeof mount
  splitTags: typeof splitTags
  modes: readonly string[]
  themeKeys: readonly string[]
  defineElement: typeof defineElement
}

/** An event emitted before the command code loaded. */
export type Early = [event: keyof PorticoEventMap, payload: unknown]
