/** Every role a staff user can hold, from most to least powerful. */
export const ROLES = ['owner', 'admin', 'agent', 'viewer'] as const
/** A staff user's role: owner > admin > agent > viewer. */
export type Role = (typeof ROLES)[number]

/**
 * Whether `role` is at least `minimum` (owner > admin > agent > viewer).
 * @example roleAllows('agent', 'viewer') // true
 */
export function roleAllows(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(minimum)
}
