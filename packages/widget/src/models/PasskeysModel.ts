import type { PasskeyList } from '@portico/schema'
import { signal } from '@preact/signals'
import { webAuthn } from './contact-flow.js'
import { messageOf, type UserMessage } from './errors.js'
import { FormModel } from './FormModel.js'
import type { ProfileContext } from './ProfileModel.js'
import { Resource } from './Resource.js'
import { viewKey } from './registry.js'

/** The passkeys model of the logged-in contact, kept in the session's view registry. */
export function passkeysModel(portal: ProfileContext): PasskeysModel {
  return portal.contact.views.get(PASSKEYS, () => new PasskeysModel(portal))
}

const PASSKEYS = viewKey<PasskeysModel>('passkeys')

/** The contact's passkeys: the list, adding one made on this device, removing one. */
export class PasskeysModel {
  readonly list: Resource<PasskeyList>
  /** The name of the passkey to add (optional), and the API's refusal. */
  readonly add: FormModel<{ name: string }, string>
  /** A cancelled addition (a calm note) or a failed removal, announced to screen readers. */
  readonly note = signal<UserMessage | null>(null)
  /** The passkey whose removal waits for confirmation, if any. */
  readonly confirming = signal<string | null>(null)

  constructor(private readonly portal: ProfileContext) {
    const intercept = (error: unknown) => portal.intercept(error)
    this.list = new Resource(async () => (await portal.client()).passkeys(), intercept)
    this.add = new FormModel({ name: '' }, async ({ name }) => ({ ok: true, data: name.trim() }), intercept)
  }

  /** Makes a passkey on this device (the browser asks for the fingerprint or PIN) and adds it. */
  async create(): Promise<void> {
    this.note.value = null
    let added = false
    await this.add.submit(async (name) => {
      const client = await this.portal.client()
      const answer = await webAuthn(await client.passkeyCreationOptions(), true)
      if (!answer) this.note.value = { key: 'passkeys.cancelled' }
      else {
        // An empty name is the API's to give ("Passkey 2", in the contact's language).
        await client.addPasskey({ ...answer, name })
        added = true
      }
    })
    if (added) {
      this.add.reset()
      await this.list.load()
    }
  }

  /** Removes a passkey: it no longer signs in. */
  async remove(id: string): Promise<void> {
    this.confirming.value = null
    try {
      await (await this.portal.client()).deletePasskey(id)
      await this.list.load()
    } catch (error) {
      if (!this.portal.intercept(error)) this.note.value = messageOf(error)
    }
  }
}
