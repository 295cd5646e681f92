import type { ContractReceiptList } from '@portico/schema'
import type { Client } from '../api/client.js'
import { Resource } from './Resource.js'
import { type ViewRegistry, viewKey } from './registry.js'

/**
 * Who viewed a shared contract and who downloaded which attachment, kept in the session's view
 * registry (this module loads with the contracts views only). The API decides who may read them:
 * the requester and the company's admins; anyone else gets 403.
 */
export function contractReceipts(
  portal: {
    client(): Promise<Client>
    intercept(error: unknown): boolean
    readonly contact: { readonly views: ViewRegistry }
  },
  id: string,
): Resource<ContractReceiptList> {
  return portal.contact.views.get(
    viewKey<Resource<ContractReceiptList>>(`contract-receipts:${id}`),
    () =>
      new Resource(
        async () => (await portal.client()).contractReceipts(id),
        (error) => portal.intercept(error),
      ),
  )
}
