import { useWidget } from './context.js'
import { Heading } from './Heading.js'
import { ResourceView } from './ResourceView.js'

/** The contracts shared with the contact, as requester or watcher. */
export function ContractList() {
  const { t, model } = useWidget()
  const me = model.session.value?.contact.id
  return (
    <section>
      <Heading>{t('contracts.title')}</Heading>
      <ResourceView resource={model.contracts}>
        {(list) =>
          list.items.length === 0 ? (
            <p class="muted">{t('contracts.empty')}</p>
          ) : (
            <ul class="choices" part="list">
              {list.items.map((contract) => (
                <li key={contract.id}>
                  <button
                    type="button"
                    class="choice"
                    part="choice"
                    onClick={() => model.navigate({ name: 'contract', id: contract.id })}
                  >
                    <strong>{contract.title}</strong>{' '}
                    <span class="badge">{t(`contract.${contract.status}`)}</span>
                    <span class="muted small block">
                      {t(contract.requester.id === me ? 'contracts.requester' : 'contracts.watcher')}
                      {contract.reference
                        ? ` · ${t('contracts.reference', { reference: contract.reference })}`
                        : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
    </section>
  )
}
