import './jsx.js'

export type { MountOptions, PorticoEventMap, PorticoHandle } from '@portico/widget'
export { EVENT_PROPS, type PorticoEventProps } from './events.js'
export type { PorticoPortalAttributes } from './jsx.js'
export { PorticoPortal, type PorticoPortalProps } from './PorticoPortal.js'
