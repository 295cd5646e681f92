import { EVENT_TYPES, type EventType } from '@portico/schema'
import { signal } from '@preact/signals'
import type { Client } from '../api/client.js'
import type { WebhookDelivery, WebhookEndpoint } from '../api/endpoints.js'
import { FormModel } from './FormModel.js'
import { PagedList } from './PagedList.js'

/** The endpoint form's values: event types ticked one by one (none ticked: every type). */
export interface WebhookFormValues {
  url: string
  description: string
  events: EventType[]
}

const EMPTY: WebhookFormValues = { url: '', description: '', events: [] }

/** Every event type, for the form's checkboxes. */
export const WEBHOOK_EVENT_TYPES: readonly EventType[] = EVENT_TYPES

/**
 * The webhooks screen: the endpoints, the form that creates or edits one, the secret shown once
 * after a create or a rotation, and the delivery log of the endpoint opened.
 */
export class WebhooksModel {
  readonly endpoints = signal<WebhookEndpoint[]>([])
  readonly status = signal<'loading' | 'ready' | 'error'>('loading')
  readonly loadError = signal<unknown>(null)
  readonly form = new FormModel<WebhookFormValues>(EMPTY)
  /** The endpoint the form edits, or null when it creates one. */
  readonly editing = signal<string | null>(null)
  /** `whsec_…` of the last create or rotation, with its endpoint's URL; shown once. */
  readonly secret = signal<{ url: string; secret: string } | null>(null)
  /** The endpoint whose delivery log is open. */
  readonly opened = signal<WebhookEndpoint | null>(null)
  readonly deliveries: PagedList<WebhookDelivery, { id: string }>
  readonly actionError = signal<unknown>(null)

  constructor(private readonly client: Client) {
    this.deliveries = new PagedList<WebhookDelivery, { id: string }>(
      ({ id }, page) =>
        client.call('GET /v1/admin/webhooks/{id}/deliveries', {
          params: { id },
          query: page.cursor ? { cursor: page.cursor, limit: page.limit } : { limit: page.limit },
        }),
      { id: '' },
      (d) => d.createdAt,
      20,
    )
  }

  /** Loads every endpoint (an organisation has a handful). */
  async load(): Promise<void> {
    try {
      const items: WebhookEndpoint[] = []
      let cursor: string | undefined
      do {
        const page = await this.client.call('GET /v1/admin/webhooks', {
          query: cursor ? { cursor, limit: 100 } : { limit: 100 },
        })
        items.push(...page.items)
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      this.endpoints.value = items
      this.status.value = 'ready'
    } catch (error) {
      this.loadError.value = error
      this.status.value = 'error'
    }
  }

  /** Puts an endpoint into the form, or empties it for a new one. */
  edit(endpoint: WebhookEndpoint | null): void {
    this.editing.value = endpoint?.id ?? null
    this.form.errors.value = {}
    this.form.values.value = endpoint
      ? { url: endpoint.url, description: endpoint.description, events: endpoint.events }
      : EMPTY
  }

  /** Ticks or unticks an event type in the form. */
  toggleEvent(type: EventType, on: boolean): void {
    const events = this.form.values.value.events.filter((e) => e !== type)
    this.form.set('events', on ? [...events, type] : events)
  }

  /** Creates the endpoint (its secret is shown once) or saves the one edited; typed values stay on failure. */
  async save(): Promise<void> {
    const id = this.editing.value
    const saved = await this.form.submit(async (body) => {
      if (id)
        return { endpoint: await this.client.call('PATCH /v1/admin/webhooks/{id}', { params: { id }, body }) }
      return this.client.call('POST /v1/admin/webhooks', { body })
    })
    if (!saved) return
    if ('secret' in saved) this.secret.value = { url: saved.endpoint.url, secret: saved.secret }
    this.edit(null)
    await this.load()
  }

  private async act(run: () => Promise<unknown>): Promise<void> {
    this.actionError.value = null
    try {
      await run()
    } catch (error) {
      this.actionError.value = error
    }
  }

  /** Enables or disables an endpoint (enabling clears an automatic disabling). */
  setEnabled(endpoint: WebhookEndpoint, enabled: boolean): Promise<void> {
    return this.act(async () => {
      await this.client.call('PATCH /v1/admin/webhooks/{id}', {
        params: { id: endpoint.id },
        body: { enabled },
      })
      await this.load()
    })
  }

  /** Issues a new secret, shown once; the old one signs beside it for 24 hours. */
  rotate(endpoint: WebhookEndpoint): Promise<void> {
    return this.act(async () => {
      const rotated = await this.client.call('POST /v1/admin/webhooks/{id}/rotate-secret', {
        params: { id: endpoint.id },
      })
      this.secret.value = { url: endpoint.url, secret: rotated.secret }
      await this.load()
    })
  }

  /** Deletes an endpoint and its log. */
  remove(endpoint: WebhookEndpoint): Promise<void> {
    return this.act(async () => {
      await this.client.call('DELETE /v1/admin/webhooks/{id}', { params: { id: endpoint.id } })
      if (this.opened.value?.id === endpoint.id) this.opened.value = null
      await this.load()
    })
  }

  /** Opens an endpoint's delivery log. */
  open(endpoint: WebhookEndpoint): Promise<void> {
    this.opened.value = endpoint
    return this.deliveries.load({ id: endpoint.id })
  }

  /** Queues a `webhook.test` event and shows it in the log. */
  sendTest(endpoint: WebhookEndpoint): Promise<void> {
    return this.act(async () => {
      await this.client.call('POST /v1/admin/webhooks/{id}/test', { params: { id: endpoint.id } })
      await this.open(endpoint)
    })
  }

  /** Sends one delivery again, with the same webhook-id. */
  replay(delivery: WebhookDelivery): Promise<void> {
    return this.act(async () => {
      const updated = await this.client.call('POST /v1/admin/webhooks/{id}/deliveries/{deliveryId}/replay', {
        params: { id: delivery.endpointId, deliveryId: delivery.id },
      })
      this.deliveries.items.value = this.deliveries.items.value.map((d) =>
        d.id === updated.id ? updated : d,
      )
    })
  }

  /** Sends again every delivery of the opened endpoint from the last `hours`; answers how many. */
  async replaySince(hours: number): Promise<number | undefined> {
    const endpoint = this.opened.value
    if (!endpoint) return undefined
    let replayed: number | undefined
    await this.act(async () => {
      const from = new Date(Date.now() - hours * 3_600_000).toISOString()
      replayed = (
        await this.client.call('POST /v1/admin/webhooks/{id}/replay', {
          params: { id: endpoint.id },
          body: { from },
        })
      ).replayed
      await this.open(endpoint)
    })
    return replayed
  }
}
