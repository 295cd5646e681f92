import type { PorticoEventMap } from '../events.js'
import { type MountOptions, mount, type PorticoHandle } from '../mount.js'
import { defineElement } from './define.js'
import { landingSource, splitTags } from './source.js'
import { MODES, type Mode } from './styles.js'
import { THEME_KEYS, type Theme } from './theme.js'
import type { Early, EmbedInit } from './types.js'

const EVENTS: (keyof PorticoEventMap)[] = [
  'ready',
  'login',
  'logout',
  'application:created',
  'application:opened',
  'contract:opened',
  'error',
]

/** The mount options a script tag's attributes say; wrong values fall back to their defaults. */
export function scriptOptions(init: EmbedInit): MountOptions & { mode: Mode } {
  const data = init.script.dataset
  const theme: Theme = {}
  for (const key of THEME_KEYS) {
    const value = data[`theme${key[0]?.toUpperCase()}${key.slice(1)}`]
    if (value) theme[key] = value
  }
  const locale = data.locale && /^(en|fr)(-|$)/i.test(data.locale) ? data.locale : undefined
  const headingLevel = Number(data.headingLevel)
  const height = data.height && globalThis.CSS?.supports('height', data.height) ? data.height : undefined
  return {
    portal: data.portal ?? '',
    api: init.api,
    mode: MODES.includes(data.mode as Mode) ? (data.mode as Mode) : 'inline',
    tags: splitTags(data.tags)
      .filter((tag) => tag.length <= 50)
      .slice(0, 20),
    theme,
    source: landingSource(),
    ...(data.process ? { process: data.process } : {}),
    ...(locale ? { locale } : {}),
    ...(height ? { height } : {}),
    ...(headingLevel >= 1 && headingLevel <= 5 ? { headingLevel } : {}),
    ...(data.label ? { label: data.label } : {}),
    ...(data.tokenStorage === 'local' ? { tokenStorage: 'local' as const } : {}),
    ...(data.identityEndpoint ? { identityEndpoint: data.identityEndpoint } : {}),
  }
}

/**
 * Mounts the portal of a loader's script tag at once; the code that reports wrong attributes,
 * runs the `portico()` commands and listens for entry points loads right after, outside the
 * first view's bytes. Used by the loader; npm users call {@link mount}.
 */
export function embed(init: EmbedInit): PorticoHandle {
  const options = scriptOptions(init)
  // Tag managers paste the script twice: the same portal into the same place mounts once.
  const key = `${options.portal} ${init.script.dataset.target ?? ''}`
  const mounted = embedded.get(key)
  if (mounted?.host.isConnected) {
    console.warn(
      `[portico] portico.js is on this page twice for portal "${options.portal}": the second <script> tag is ignored; remove one of them`,
    )
    // The loader added an empty element for a script tag without data-target.
    if (!init.script.dataset.target && init.target !== mounted.host.parentElement) init.target.remove()
    return mounted
  }
  const handle = mount(init.target, { ...options, ...(init.config ? { config: init.config } : {}) })
  // Events that happen before the command code arrives are kept for the listeners queued with
  // `portico('on', …)` before the widget loaded.
  const early: Early[] = []
  const offs = EVENTS.map((event) => handle.on(event, (payload) => early.push([event, payload])))
  import('./commands.js').then(
    (commands) => {
      for (const off of offs) off()
      commands.wire(init, options, handle, early, {
        mount,
        splitTags,
        modes: MODES,
        themeKeys: THEME_KEYS,
        defineElement,
      })
    },
    () =>
      console.error(
        '[portico] the entry-point code could not be loaded: check that the widget files are served',
      ),
  )
  embedded.set(key, handle)
  return handle
}

/** Portals mounted by script tags, by portal and target. */
const embedded = new Map<string, PorticoHandle>()
