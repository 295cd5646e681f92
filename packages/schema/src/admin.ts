import * as z from 'zod/mini'
import { APPLICATION_STATUSES, Tags } from './application.js'
import { Email } from './auth.js'
import { VisibleField } from './company.js'
import { CONTRACT_STATUSES } from './contract.js'
import { FormDefinition, Locale } from './form.js'
import { LIMITS } from './limits.js'
import { NameInput } from './names.js'
import { Module, SignInMethods } from './portal.js'

const slug = z
  .string()
  .check(
    z.maxLength(63, 'Use at most 63 characters'),
    z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Use lower-case letters, digits and dashes (max 63)'),
  )
const label = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Enter a name'),
    z.maxLength(LIMITS.name, `Use at most ${LIMITS.name} characters`),
  )
const optionalText = (max: number) => z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(max))))
const id = z.string().check(z.minLength(1), z.maxLength(LIMITS.id))
const url = z.url({ protocol: /^https?$/, error: 'Use an http(s) URL' }).check(z.maxLength(LIMITS.url))
const list = <T extends z.core.$ZodType>(item: T) =>
  z.array(item).check(z.maxLength(LIMITS.list, `Send at most ${LIMITS.list} items`))

const rpIdMessage = 'Use a domain name such as example.com (no scheme, port or IP address)'
// WebAuthn refuses IP addresses as relying parties: a name must have a letter somewhere.
const rpId = z.string().check(
  z.maxLength(253, rpIdMessage),
  z.regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, rpIdMessage),
  z.refine((value) => /[a-z]/.test(value), rpIdMessage),
)

/** An origin allowed to embed a portal: `https://host`, `http://host:port`, or any port with `:*`. */
export const AllowedOrigin = z
  .string()
  .check(
    z.maxLength(LIMITS.shortText),
    z.regex(/^https?:\/\/[a-z0-9.-]+(:(\d{1,5}|\*))?$/, 'Use an origin like https://www.example.com'),
  )

/** Body of `POST /v1/admin/processes`. */
export const ProcessInput = z.object({ slug, name: NameInput, form: z.optional(FormDefinition) })
export type ProcessInput = z.infer<typeof ProcessInput>
/** Body of `PATCH /v1/admin/processes/:id`. */
export const ProcessPatch = z.extend(z.partial(ProcessInput), {
  /** `true` archives it (contacts can no longer start it), `false` brings it back. */
  archived: z.optional(z.boolean()),
})
export type ProcessPatch = z.infer<typeof ProcessPatch>

/** Body of `POST /v1/admin/portals`. */
export const PortalInput = z.object({
  slug,
  name: NameInput,
  processes: z
    .array(z.object({ process: id, allowDuplicates: z.optional(z.boolean()) }))
    .check(z.minLength(1, 'Choose at least one process'), z.maxLength(LIMITS.list)),
  multiProcess: z.optional(z.boolean()),
  registrationOpen: z.optional(z.boolean()),
  allowNewApplications: z.optional(z.boolean()),
  tags: z.optional(Tags),
  allowedOrigins: z.optional(z.array(AllowedOrigin).check(z.maxLength(50, 'Send at most 50 origins'))),
  theme: z.optional(
    z.object({
      accent: optionalText(30),
      logoUrl: z.optional(z.nullable(url)),
      title: z.optional(z.nullable(NameInput)),
    }),
  ),
  defaultLocale: z.optional(Locale),
  modules: z.optional(list(Module)),
  defaultProfileId: z.optional(z.nullable(id)),
  publicUrl: z.optional(z.nullable(url)),
  /** How contacts sign in. @default ['password'] */
  signInMethods: z.optional(SignInMethods),
  /** The WebAuthn relying-party ID of passkeys: the host page's domain or a registrable suffix of it. */
  passkeyRpId: z.optional(z.nullable(rpId)),
})
export type PortalInput = z.infer<typeof PortalInput>
/** Body of `PATCH /v1/admin/portals/:id`. */
export const PortalPatch = z.extend(z.partial(PortalInput), {
  /** `true` archives it (its page and logins answer 410 Gone), `false` brings it back. */
  archived: z.optional(z.boolean()),
})
export type PortalPatch = z.infer<typeof PortalPatch>

/** Body of `POST /v1/admin/profiles`. */
export const ProfileInput = z.object({
  name: label,
  modules: list(Module),
  sameCompanyVisibility: z.optional(z.boolean()),
  visibleFields: z.optional(list(VisibleField)),
})
export type ProfileInput = z.infer<typeof ProfileInput>
/** Body of `PATCH /v1/admin/profiles/:id`. */
export const ProfilePatch = z.partial(ProfileInput)
export type ProfilePatch = z.infer<typeof ProfilePatch>

/** Body of `POST /v1/admin/companies`. */
export const CompanyInput = z.object({
  name: label,
  address: optionalText(LIMITS.shortText),
  phone: optionalText(LIMITS.phone),
})
export type CompanyInput = z.infer<typeof CompanyInput>
/** Body of `PATCH /v1/admin/companies/:id`. */
export const CompanyPatch = z.partial(CompanyInput)
export type CompanyPatch = z.infer<typeof CompanyPatch>

/** Body of `POST /v1/admin/contacts`. */
export const ContactInput = z.object({
  email: Email,
  name: label,
  phone: optionalText(LIMITS.phone),
  locale: z.optional(Locale),
  companyId: z.optional(z.nullable(id)),
  profileId: z.optional(z.nullable(id)),
  isCompanyAdmin: z.optional(z.boolean()),
  authorizedProcesses: z.optional(list(id)),
})
export type ContactInput = z.infer<typeof ContactInput>
/** Body of `PATCH /v1/admin/contacts/:id`; `status: 'disabled'` ends every session. */
export const ContactPatch = z.extend(z.partial(z.omit(ContactInput, { email: true })), {
  status: z.optional(z.enum(['active', 'disabled'])),
})
export type ContactPatch = z.infer<typeof ContactPatch>

/** Body of `POST /v1/admin/contacts/:id/invitations`: enable login through a portal. */
export const InvitationInput = z.object({ portal: id })
export type InvitationInput = z.infer<typeof InvitationInput>

/** Body of `POST /v1/admin/applications/:id/status`. */
export const StatusChangeInput = z.object({
  status: z.enum(APPLICATION_STATUSES),
  /** Shown to the contact in the status history and in the mail announcing the change. */
  message: z.optional(z.string().check(z.trim(), z.maxLength(2000, 'Use at most 2000 characters'))),
})
export type StatusChangeInput = z.infer<typeof StatusChangeInput>

/** Body of `POST /v1/admin/applications/:id/notes`. */
export const StaffNoteInput = z.object({
  body: z.string().check(z.trim(), z.minLength(1, 'Write a note'), z.maxLength(LIMITS.longText)),
  author: z.optional(label),
})
export type StaffNoteInput = z.infer<typeof StaffNoteInput>

/** Body of `POST /v1/admin/contracts`: share a contract with a requester and same-company watchers. */
export const ContractInput = z.object({
  title: label,
  reference: optionalText(LIMITS.id),
  status: z.optional(z.enum(CONTRACT_STATUSES)),
  requesterId: id,
  watcherIds: z.optional(z.array(id).check(z.maxLength(50))),
  attachmentsVisible: z.optional(z.boolean()),
  /**
   * When the share ends by itself: requester and watchers lose access at that time. A future ISO
   * 8601 time, or `null` (the default) for a share that lasts until revoked.
   */
  expiresAt: z.optional(
    z.nullable(
      z.iso
        .datetime({ offset: true, error: 'Use an ISO 8601 time, e.g. 2026-01-31T00:00:00Z' })
        .check(z.maxLength(40)),
    ),
  ),
})
export type ContractInput = z.infer<typeof ContractInput>
/** Body of `PATCH /v1/admin/contracts/:id`. */
export const ContractPatch = z.partial(ContractInput)
export type ContractPatch = z.infer<typeof ContractPatch>
