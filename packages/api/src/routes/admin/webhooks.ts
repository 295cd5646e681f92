import type { Hono } from 'hono'
import { pageRequest } from '../../data/page.js'
import { endpointView, findEndpoint, listDeliveries, listEndpoints } from '../../data/webhooks.js'
import type { AppEnv } from '../../env.js'
import {
  createWebhook,
  deleteWebhook,
  replayWebhookDelivery,
  replayWebhookRange,
  rotateWebhookSecret,
  sendWebhookTest,
  updateWebhook,
} from '../../services/webhooks.js'
import { route } from '../route.js'
import { notFound, writeActor } from './shared.js'

/** Webhook endpoints of the caller's organisation, their secrets, delivery log, replay and test. */
export function mountAdminWebhookRoutes(app: Hono<AppEnv>): void {
  route(app, 'listWebhooks', async (c, { query }) =>
    listEndpoints(c.var.db, c.var.organisationId, pageRequest(query, 'oldest', 2)),
  )
  route(app, 'createWebhook', async (c, { body }) =>
    createWebhook(c.var.db, writeActor(c), body, c.var.config),
  )
  route(app, 'getWebhook', async (c, { params }) => {
    const row = await findEndpoint(c.var.db, c.var.organisationId, params.id)
    if (!row) throw notFound('Webhook endpoint')
    return endpointView(row)
  })
  route(app, 'updateWebhook', async (c, { params, body }) =>
    updateWebhook(c.var.db, writeActor(c), params.id, body, c.var.config),
  )
  route(app, 'deleteWebhook', async (c, { params }) => {
    await deleteWebhook(c.var.db, writeActor(c), params.id)
  })
  route(app, 'rotateWebhookSecret', async (c, { params }) =>
    rotateWebhookSecret(c.var.db, writeActor(c), params.id, c.var.config),
  )
  route(app, 'listWebhookDeliveries', async (c, { params, query }) => {
    const row = await findEndpoint(c.var.db, c.var.organisationId, params.id)
    if (!row) throw notFound('Webhook endpoint')
    return listDeliveries(c.var.db, row.id, query.status, pageRequest(query, 'recent', 2))
  })
  route(app, 'replayWebhookDelivery', async (c, { params }) =>
    replayWebhookDelivery(c.var.db, writeActor(c), params.id, params.deliveryId),
  )
  route(app, 'replayWebhookDeliveries', async (c, { params, body }) =>
    replayWebhookRange(c.var.db, writeActor(c), params.id, body),
  )
  route(app, 'sendWebhookTest', async (c, { params }) => sendWebhookTest(c.var.db, writeActor(c), params.id))
}
