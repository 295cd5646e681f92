import type { ColleagueList, CompanyView, InviteColleagueBody } from '@portico/schema'
import { signal } from '@preact/signals'
import type { Client } from '../api/client.js'
import { messageOf, type UserMessage } from './errors.js'
import { FormModel, normalizeEmail, ruleValidator } from './FormModel.js'
import { Resource } from './Resource.js'
import { type ViewRegistry, viewKey } from './registry.js'

/** The company model of a portal, kept in the session's view registry while the session lasts. */
export function companyModel(portal: {
  client(): Promise<Client>
  intercept(error: unknown): boolean
  localize(field: string, message: string): string
  readonly contact: { readonly views: ViewRegistry }
}): CompanyModel {
  return portal.contact.views.get(
    COMPANY,
    () =>
      new CompanyModel(
        () => portal.client(),
        (error) => portal.intercept(error),
        (field, message) => portal.localize(field, message),
      ),
  )
}

const COMPANY = viewKey<CompanyModel>('company')

/** The company module: the company's fields, and for company admins its contacts. */
export class CompanyModel {
  readonly company: Resource<CompanyView>
  readonly colleagues: Resource<ColleagueList>
  readonly invite: FormModel<{ name: string; email: string }, InviteColleagueBody>
  /** The last outcome of an invitation or deactivation, announced to screen readers. */
  readonly notice = signal<UserMessage | null>(null)

  constructor(
    private readonly client: () => Promise<Client>,
    private readonly intercept: (error: unknown) => boolean,
    localize: (field: string, message: string) => string,
  ) {
    this.company = new Resource(async () => (await client()).company(), intercept)
    this.colleagues = new Resource(async () => (await client()).colleagues(), intercept)
    this.invite = new FormModel(
      { name: '', email: '' },
      ruleValidator<{ name: string; email: string }, InviteColleagueBody>(
        (r) => ({ name: r.name, email: r.email }),
        localize,
        (v) => ({ name: v.name.trim(), email: normalizeEmail(v.email) }),
      ),
      intercept,
    )
  }

  /** Invites a colleague; they get an e-mail to set their password. */
  async sendInvite(): Promise<void> {
    const ok = await this.invite.submit(async (body) => {
      await (await this.client()).inviteColleague(body)
    })
    if (ok) {
      this.notice.value = { key: 'company.invited' }
      this.invite.reset()
      await this.colleagues.load()
    }
  }

  /** Deactivates a colleague: they can no longer log in. */
  async deactivate(id: string): Promise<void> {
    try {
      await (await this.client()).deactivateColleague(id)
      this.notice.value = { key: 'company.deactivated' }
      await this.colleagues.load()
    } catch (error) {
      if (!this.intercept(error)) this.notice.value = messageOf(error)
    }
  }
}
