import type { PorticoEventMap } from '@portico/widget'

/** The React prop of each widget event: `onReady`, `onLogin`, `onApplicationCreated`, … */
export const EVENT_PROPS = {
  onReady: 'ready',
  onLogin: 'login',
  onLogout: 'logout',
  onApplicationCreated: 'application:created',
  onApplicationOpened: 'application:opened',
  onContractOpened: 'contract:opened',
  onError: 'error',
  // Live events of the schema's catalogue, heard while a contact is logged in.
  onStatusChanged: 'application.status-changed',
  onNoteAdded: 'note.added',
  onAttachmentAdded: 'attachment.added',
  onContractShared: 'contract.shared',
  onContractUpdated: 'contract.updated',
  onContractRevoked: 'contract.revoked',
} as const satisfies Record<string, keyof PorticoEventMap>

/** Event props of {@link PorticoPortal}, each typed with its event's payload. */
export type PorticoEventProps = {
  [P in keyof typeof EVENT_PROPS]?: (payload: PorticoEventMap[(typeof EVENT_PROPS)[P]]) => void
}
