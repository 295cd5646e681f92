import type { Context } from 'hono'
import { auditActor } from '../../data/audit.js'
import type { AdminEnv } from '../../env.js'
import { ApiError } from '../../errors.js'
import type { WriteActor } from '../../services/actor.js'

/** A 404 problem for a missing (or other organisation's) record. */
export function notFound(kind: string): ApiError {
  return new ApiError(404, `${kind} not found`, { type: 'not-found' })
}

/** A 400 problem about one field. */
export function fieldError(field: string, message: string): ApiError {
  return new ApiError(400, 'Invalid request body', { type: 'validation', errors: [{ field, message }] })
}

/** A 409 problem about one field, e.g. a slug or e-mail already taken. */
export function conflict(title: string, field: string, message: string): ApiError {
  return new ApiError(409, title, { detail: message, type: 'conflict', errors: [{ field, message }] })
}

/** Who a staff request writes as: its organisation and the audit log's name for it. */
export function writeActor(c: Context<AdminEnv>): WriteActor {
  return { organisationId: c.var.organisationId, audit: auditActor(c.var.actor) }
}
