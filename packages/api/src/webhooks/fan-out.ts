import type { Kysely } from 'kysely'
import { parseJson } from '../data/json.js'
import { enabledEndpoints, insertDeliveries } from '../data/webhooks.js'
import type { Database } from '../db/types.js'
import { newDeliveryId } from './sign.js'

/** An event as it goes out: its id, type, organisation, time and exact JSON body. */
export interface OutgoingEvent {
  id: string
  type: string
  organisationId: string
  createdAt: string
  body: string
}

/**
 * Writes one delivery per enabled endpoint of the event's organisation that takes its type. Call it
 * in the event's transaction: a rolled-back change sends nothing, a committed one is in the outbox.
 */
export async function queueDeliveries(db: Kysely<Database>, event: OutgoingEvent): Promise<number> {
  const endpoints = await enabledEndpoints(db, event.organisationId)
  const takers = endpoints.filter((endpoint) => {
    const types = parseJson<string[]>(endpoint.events, [])
    return types.length === 0 || types.includes(event.type)
  })
  await insertDeliveries(
    db,
    takers.map((endpoint) => ({
      id: newDeliveryId(),
      organisation_id: event.organisationId,
      endpoint_id: endpoint.id,
      event_id: event.id,
      event_type: event.type,
      body: event.body,
      status: 'pending',
      attempts: 0,
      next_attempt_at: event.createdAt,
      claim_token: null,
      claimed_at: null,
      last_status: null,
      last_latency_ms: null,
      last_response: null,
      last_error: null,
      last_attempt_at: null,
      created_at: event.createdAt,
      delivered_at: null,
    })),
  )
  return takers.length
}
