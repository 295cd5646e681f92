import * as z from 'zod/mini'
import { Email } from './auth.js'

/** Contact fields a profile can show. */
export const CONTACT_FIELDS = ['name', 'email', 'phone'] as const
/** Company fields a profile can show. */
export const COMPANY_FIELDS = ['name', 'address', 'phone'] as const
/** Every field a profile can show, as `contact.<field>` or `company.<field>`. */
export const VISIBLE_FIELDS = [
  ...CONTACT_FIELDS.map((f) => `contact.${f}` as const),
  ...COMPANY_FIELDS.map((f) => `company.${f}` as const),
]
export const VisibleField = z.enum(VISIBLE_FIELDS)
export type VisibleField = z.infer<typeof VisibleField>

/** `GET /v1/me/company`: the contact's company, fields filtered by profile. */
export const CompanyView = z.object({ id: z.string(), fields: z.record(z.string(), z.nullable(z.string())) })
export type CompanyView = z.infer<typeof CompanyView>

/** A contact of my company, as a company admin sees them. */
export const Colleague = z.object({
  id: z.string(),
  status: z.enum(['invited', 'active', 'disabled']),
  isCompanyAdmin: z.boolean(),
  fields: z.record(z.string(), z.nullable(z.string())),
})
export type Colleague = z.infer<typeof Colleague>

/** Answer to `GET /v1/me/company/contacts`. */
export const ColleagueList = z.object({ items: z.array(Colleague), nextCursor: z.nullable(z.string()) })
export type ColleagueList = z.infer<typeof ColleagueList>

/** Body of `POST /v1/me/company/contacts`: a company admin invites a colleague. */
export const InviteColleagueBody = z.object({
  email: Email,
  name: z
    .string()
    .check(z.trim(), z.minLength(1, 'Enter a name'), z.maxLength(200, 'Use at most 200 characters')),
  locale: z.optional(z.enum(['en', 'fr'])),
})
export type InviteColleagueBody = z.infer<typeof InviteColleagueBody>
