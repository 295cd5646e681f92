import type { MeDetail, MePatch } from '@portico/schema'
import type { Client } from '../api/client.js'
import { FormModel, ruleValidator } from './FormModel.js'
import { type ViewRegistry, viewKey } from './registry.js'

type Values = { name: string; phone: string; locale: string }

/** What the profile model needs from the portal. */
export interface ProfileContext {
  client(): Promise<Client>
  intercept(error: unknown): boolean
  localize(field: string, message: string): string
  readonly contact: { readonly views: ViewRegistry; readonly me: { value: MeDetail | null } }
}

/** The profile form of the logged-in contact, kept while the session lasts. */
export function profileModel(portal: ProfileContext): FormModel<Values, MePatch> {
  return portal.contact.views.get(PROFILE, () => {
    const me = portal.contact.me.value
    return new FormModel<Values, MePatch>(
      {
        name: me?.name ?? '',
        phone: me?.fields.phone ?? me?.fields['contact.phone'] ?? '',
        locale: me?.locale ?? 'en',
      },
      ruleValidator<Values, MePatch>(
        (r) => ({ name: r.name }),
        (field, message) => portal.localize(field, message),
        (v) => ({
          name: v.name.trim(),
          phone: v.phone.trim() || null,
          locale: v.locale === 'fr' ? 'fr' : 'en',
        }),
      ),
      (error) => portal.intercept(error),
    )
  })
}

const PROFILE = viewKey<FormModel<Values, MePatch>>('profile')

/** Saves the profile; the contact's name in the header follows. */
export async function saveProfile(portal: ProfileContext): Promise<boolean> {
  const form = profileModel(portal)
  return form.submit(async (body) => {
    const me = await (await portal.client()).updateMe(body)
    portal.contact.me.value = me
  })
}
