import { AttachmentList } from './AttachmentList.js'
import { useWidget } from './context.js'
import { Heading, Subheading } from './Heading.js'
import { ResourceView } from './ResourceView.js'

/** One shared contract; its attachments are offered only when staff made them visible. */
export function ContractView({ id }: { id: string }) {
  const { t, model } = useWidget()
  return (
    <ResourceView resource={model.contract(id)}>
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
          <div class="row">
            <button type="button" class="link" onClick={() => model.navigate({ name: 'contracts' })}>
              {t('back')}
            </button>
          </div>
        </article>
      )}
    </ResourceView>
  )
}
