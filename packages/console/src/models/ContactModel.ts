import type { ContactPatch } from '@portico/schema'
import { signal } from '@preact/signals'
import type { Client } from '../api/client.js'
import type { Contact } from '../api/endpoints.js'
import { Resource } from './Resource.js'

/** One contact as staff manage it: details, Active flag with undo, login invitations. */
export class ContactModel {
  readonly contact: Resource<Contact>
  /** The status before the last Active change, while it can still be undone. */
  readonly undoable = signal<Contact['status'] | null>(null)
  /** When the last invitation was sent, and through which portal. */
  readonly invited = signal<{ portal: string; expiresAt: string } | null>(null)

  constructor(
    private readonly client: Client,
    readonly id: string,
  ) {
    this.contact = new Resource(() => client.call('GET /v1/admin/contacts/{id}', { params: { id } }))
  }

  /** Saves changed details. */
  async save(patch: ContactPatch): Promise<void> {
    this.contact.set(
      await this.client.call('PATCH /v1/admin/contacts/{id}', { params: { id: this.id }, body: patch }),
    )
  }

  /** Turns the Active flag on or off (off ends the contact's sessions); off can be undone. */
  async setActive(active: boolean): Promise<void> {
    const before = this.contact.data.value?.status ?? null
    await this.save({ status: active ? 'active' : 'disabled' })
    this.undoable.value = active ? null : before
  }

  /** Re-enables a contact just disabled. */
  async undo(): Promise<void> {
    if (!this.undoable.value) return
    await this.save({ status: 'active' })
    this.undoable.value = null
  }

  /** Enables login: sends (or sends again) the invitation that opens `portal`. */
  async invite(portal: string): Promise<void> {
    const answer = await this.client.call('POST /v1/admin/contacts/{id}/invitations', {
      params: { id: this.id },
      body: { portal },
    })
    this.invited.value = { portal: answer.portal, expiresAt: answer.expiresAt }
    await this.contact.load()
  }
}
