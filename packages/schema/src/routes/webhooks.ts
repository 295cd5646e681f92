import * as z from 'zod/mini'
import {
  WEBHOOK_DELIVERY_STATUSES,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointInput,
  WebhookEndpointPatch,
  WebhookReplayed,
  WebhookSecretShown,
} from '../webhooks.js'
import { operation } from './operation.js'
import { Cursor, DateTime, IdParams, Limit, PageQuery, page } from './shared.js'

/** `{id}` of the endpoint and `{deliveryId}` of one of its deliveries. */
const DeliveryParams = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  deliveryId: z.string().check(z.minLength(1), z.maxLength(100)),
})

/** Filters of an endpoint's delivery log. */
export const WebhookDeliveryQuery = z.strictObject({
  status: z.optional(z.enum(WEBHOOK_DELIVERY_STATUSES, `Use one of ${WEBHOOK_DELIVERY_STATUSES.join(', ')}`)),
  limit: Limit,
  cursor: Cursor,
})

/** Body of `POST /v1/admin/webhooks/{id}/replay`: resend the deliveries created in a time range. */
export const WebhookReplayInput = z.object({
  /** Created at or after this time. */
  from: DateTime,
  /** Created strictly before this time. @default now */
  to: z.optional(DateTime),
})
export type WebhookReplayInput = z.infer<typeof WebhookReplayInput>

const base = { auth: 'staff', tags: ['admin', 'webhooks'] } as const
const path = '/v1/admin/webhooks'

/** Signed webhooks (Standard Webhooks): endpoints, their secrets, the delivery log and replay. */
export const WEBHOOK_OPERATIONS = {
  listWebhooks: operation({
    ...base,
    role: 'viewer',
    method: 'get',
    path,
    summary: 'The webhook endpoints, oldest first',
    query: PageQuery,
    status: 200,
    response: page(WebhookEndpoint),
    errors: [400, 401, 403],
  }),
  createWebhook: operation({
    ...base,
    role: 'admin',
    method: 'post',
    path,
    summary: 'Add an endpoint; the answer shows its signing secret, once',
    body: WebhookEndpointInput,
    status: 201,
    response: WebhookSecretShown,
    errors: [400, 401, 403],
  }),
  getWebhook: operation({
    ...base,
    role: 'viewer',
    method: 'get',
    path: `${path}/{id}`,
    summary: 'One webhook endpoint',
    params: IdParams,
    status: 200,
    response: WebhookEndpoint,
    errors: [401, 403, 404],
  }),
  updateWebhook: operation({
    ...base,
    role: 'admin',
    method: 'patch',
    path: `${path}/{id}`,
    summary: 'Change an endpoint’s URL, description, event types or enabled flag',
    params: IdParams,
    body: WebhookEndpointPatch,
    status: 200,
    response: WebhookEndpoint,
    errors: [400, 401, 403, 404],
  }),
  deleteWebhook: operation({
    ...base,
    role: 'admin',
    method: 'delete',
    path: `${path}/{id}`,
    summary: 'Delete an endpoint and its delivery log',
    params: IdParams,
    status: 204,
    errors: [401, 403, 404],
  }),
  rotateWebhookSecret: operation({
    ...base,
    role: 'admin',
    method: 'post',
    path: `${path}/{id}/rotate-secret`,
    summary: 'Issue a new signing secret, shown once; the old one still signs for 24 hours',
    params: IdParams,
    status: 200,
    response: WebhookSecretShown,
    errors: [401, 403, 404],
  }),
  listWebhookDeliveries: operation({
    ...base,
    role: 'viewer',
    method: 'get',
    path: `${path}/{id}/deliveries`,
    summary: 'The delivery log of an endpoint, newest first',
    params: IdParams,
    query: WebhookDeliveryQuery,
    status: 200,
    response: page(WebhookDelivery),
    errors: [400, 401, 403, 404],
  }),
  replayWebhookDelivery: operation({
    ...base,
    role: 'admin',
    method: 'post',
    path: `${path}/{id}/deliveries/{deliveryId}/replay`,
    summary: 'Send one delivery again, with the same webhook-id',
    params: DeliveryParams,
    status: 200,
    response: WebhookDelivery,
    errors: [401, 403, 404, 409],
  }),
  replayWebhookDeliveries: operation({
    ...base,
    role: 'admin',
    method: 'post',
    path: `${path}/{id}/replay`,
    summary: 'Send again every delivery of an endpoint created in a time range',
    params: IdParams,
    body: WebhookReplayInput,
    status: 200,
    response: WebhookReplayed,
    errors: [400, 401, 403, 404, 409],
  }),
  sendWebhookTest: operation({
    ...base,
    role: 'admin',
    method: 'post',
    path: `${path}/{id}/test`,
    summary: 'Queue a webhook.test event for an endpoint',
    params: IdParams,
    status: 202,
    response: WebhookDelivery,
    errors: [401, 403, 404, 409],
  }),
} as const
