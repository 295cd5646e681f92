import { AttachmentList } from './AttachmentList.js'
import { ContractReceipts } from './ContractReceipts.js'
import { useWidget } from './context.js'
import { GoTo } from './GoTo.js'
import { Heading, Subheading } from './Heading.js'
import { ResourceView } from './ResourceView.js'

/** One shared contract; its attachments are offered only when staff made them visible. */
export function ContractView({ id }: { id: string }) {
  const { t, model } = useWidget()
  const resource = model.contract(id)
  // A 404 here means staff revoked the share or it expired (the widget only links to shared ones).
  if (resource.failure.value === 'not-found') {
    return (
      <article>
        <p class="problem" role="alert" part="error">
          {t('contract.gone')}
        </p>
        <div class="row">
          <GoTo to={{ name: 'contracts' }}>{t('back')}</GoTo>
        </div>
      </article>
    )
  }
  return (
    <ResourceView resource={resource}>
      {(contract) => (
        <article>
          <Heading>{contract.title}</Heading>
          <p class="muted">
            <span class="badge">{t(`contract.${contract.status}`)}</span>
            {contract.reference ? ` ${t('contracts.reference', { reference: contract.reference })}` : ''}
          </p>
          <p>{t('contract.requester', { name: contract.requester.name })}</p>
          {contract.watchers.length > 0 && (
            <p>{t('contract.watchers', { names: contract.watchers.map((w) => w.name).join(', ') })}</p>
          )}
          <Subheading>{t('attachments.title')}</Subheading>
          {contract.attachmentsVisible ? (
            <AttachmentList
              items={contract.attachments}
              onDownload={(a) => void model.downloadContractAttachment(contract.id, a.id, a.filename)}
            />
          ) : (
            <p class="muted">{t('contract.hidden')}</p>
          )}
          <ContractReceipts contract={contract} />
          <div class="row">
            <GoTo to={{ name: 'contracts' }}>{t('back')}</GoTo>
          </div>
        </article>
      )}
    </ResourceView>
  )
}
