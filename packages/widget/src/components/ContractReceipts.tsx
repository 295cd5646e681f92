import type { Contract } from '@portico/schema'
import { useEffect } from 'preact/hooks'
import { contractReceipts } from '../models/contract-receipts.js'
import { useWidget } from './context.js'
import { Subheading } from './Heading.js'
import { ResourceView } from './ResourceView.js'

/**
 * Who viewed a contract and who downloaded which attachment, for its requester and the company's
 * admins. The API decides: when it refuses (403, or 404 for a share just revoked) nothing shows.
 */
export function ContractReceipts({ contract }: { contract: Contract }) {
  const { t, model, locale } = useWidget()
  const me = model.me.value
  // A watcher who is not a company admin cannot read them: do not ask for a sure refusal.
  const mayRead = !me || me.id === contract.requester.id || me.isCompanyAdmin
  const receipts = contractReceipts(model, contract.id)
  useEffect(() => {
    if (mayRead) void receipts.load()
  }, [receipts, mayRead])
  const failure = receipts.failure.value
  if (!mayRead || failure === 'forbidden' || failure === 'not-found') return null
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const file = (id: string | null) =>
    contract.attachments.find((a) => a.id === id)?.filename ?? t('receipts.attachment')
  return (
    <section aria-labelledby="portico-receipts">
      <Subheading id="portico-receipts">{t('receipts.title')}</Subheading>
      <ResourceView resource={receipts}>
        {(list) =>
          list.items.length === 0 ? (
            <p class="muted">{t('receipts.empty')}</p>
          ) : (
            <ul class="receipts" part="list">
              {list.items.map((receipt) => (
                <li key={`${receipt.kind}:${receipt.contact.id}:${receipt.attachmentId}:${receipt.at}`}>
                  {receipt.kind === 'viewed'
                    ? t('receipts.viewed', { name: receipt.contact.name })
                    : t('receipts.downloaded', {
                        name: receipt.contact.name,
                        file: file(receipt.attachmentId),
                      })}{' '}
                  <time class="muted" dateTime={receipt.at}>
                    {date.format(new Date(receipt.at))}
                  </time>
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
    </section>
  )
}
