import type { ColleagueList, CompanyView, InviteColleagueBody } from '@portico/schema'
import { signal } from '@preact/signals'
import type { Client } from '../api/client.js'
import type { MessageKey } from '../i18n/index.js'
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

  /** The colleague whose deactivation waits for confirmation, if any. */
  readonly confirming = signal<string | null>(null)
  /** The colleague just deactivated, whose deactivation can be undone. */
  readonly undoable = signal<{ id: string; name: string } | null>(null)

  /** Deactivates a colleague: they can no longer log in (until reactivated). */
  async deactivate(id: string, name: string): Promise<void> {
    this.confirming.value = null
    if (
      await this.act(() => this.client().then((c) => c.deactivateColleague(id)), 'company.deactivated', name)
    )
      this.undoable.value = { id, name }
  }

  /** Reactivates a deactivated colleague (the undo of a deactivation). */
  async reactivate(id: string, name: string): Promise<void> {
    this.undoable.value = null
    await this.act(() => this.client().then((c) => c.reactivateColleague(id)), 'company.reactivated', name)
  }

  private async act(run: () => Promise<unknown>, done: MessageKey, name: string): Promise<boolean> {
    try {
      await run()
      this.notice.value = { key: done, params: { name } }
      await this.colleagues.load()
      return true
    } catch (error) {
      if (!this.intercept(error)) this.notice.value = messageOf(error)
      return false
    }
  }
}
