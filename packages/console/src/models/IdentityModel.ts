import type { CreatedIdentitySecret, PortalIdentity } from '@portico/schema'
import { signal } from '@preact/signals'
import type { Client } from '../api/client.js'
import { FormModel } from './FormModel.js'
import { Resource } from './Resource.js'

/**
 * A portal's trust in its host's login: the identity secrets (listed by prefix), the one just
 * created or rotated (shown once, never read back), and the JWKS URL form.
 */
export class IdentityModel {
  readonly identity: Resource<PortalIdentity>
  /** The secret of the last create or rotation; forgotten once the staff user says it is stored. */
  readonly shown = signal<CreatedIdentitySecret | null>(null)
  readonly failure = signal<unknown>(null)
  readonly jwks = new FormModel({ jwksUrl: '' })
  readonly saved = signal(false)

  constructor(
    private readonly client: Client,
    private readonly id: string,
  ) {
    this.identity = new Resource(async () => {
      const identity = await client.call('GET /v1/admin/portals/{id}/identity', { params: { id } })
      // Only the first load fills the field: a reload after a rotation keeps what is being typed.
      if (!this.identity.data.value) this.jwks.set('jwksUrl', identity.jwksUrl ?? '')
      return identity
    })
  }

  private async act(run: () => Promise<CreatedIdentitySecret | undefined>): Promise<void> {
    this.failure.value = null
    try {
      const created = await run()
      if (created) this.shown.value = created
      await this.identity.load()
    } catch (error) {
      this.failure.value = error
    }
  }

  /** Creates a secret, shown once. */
  create(): Promise<void> {
    return this.act(() =>
      this.client.call('POST /v1/admin/portals/{id}/identity/secrets', { params: { id: this.id } }),
    )
  }

  /** Creates the next secret, shown once; the old one keeps working for 24 hours. */
  rotate(secretId: string): Promise<void> {
    return this.act(() =>
      this.client.call('POST /v1/admin/portals/{id}/identity/secrets/{secretId}/rotate', {
        params: { id: this.id, secretId },
      }),
    )
  }

  /** Revokes a secret at once. */
  revoke(secretId: string): Promise<void> {
    return this.act(() =>
      this.client.call('DELETE /v1/admin/portals/{id}/identity/secrets/{secretId}', {
        params: { id: this.id, secretId },
      }),
    )
  }

  /** Saves the JWKS URL (empty removes it); a refused URL stays typed, with the API's reason. */
  async saveJwks(): Promise<void> {
    this.saved.value = false
    const answer = await this.jwks.submit(({ jwksUrl }) =>
      this.client.call('PUT /v1/admin/portals/{id}/identity', {
        params: { id: this.id },
        body: { jwksUrl: jwksUrl.trim() || null },
      }),
    )
    if (!answer) return
    this.identity.set(answer)
    this.saved.value = true
  }
}
