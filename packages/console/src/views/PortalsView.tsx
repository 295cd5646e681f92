import { ArchivedList } from '../components/ArchivedList.js'
import { useConsole } from '../components/context.js'
import { Empty } from '../components/Empty.js'
import { FrenchMissing } from '../components/FrenchMissing.js'
import { Link } from '../components/Link.js'
import { ResourceView } from '../components/ResourceView.js'
import { useResource } from '../components/useResource.js'
import { localized, t } from '../i18n/index.js'
import { frenchMissing } from '../models/names.js'

/** The organisation's portals and a way to create one. */
export default function PortalsView() {
  const { client, session } = useConsole()
  const list = useResource(async () => (await client.call('GET /v1/admin/portals')).items)
  const archived = useResource(
    async () => (await client.call('GET /v1/admin/portals', { query: { archived: 'true' } })).items,
  )
  return (
    <section aria-labelledby="portals-title">
      <div class="page-head">
        <h1 id="portals-title">{t('portals.title')}</h1>
        {session.can('admin') && (
          <Link to={{ name: 'portal', id: 'new', tab: 'settings' }} class="button-link">
            {t('portals.new')}
          </Link>
        )}
      </div>
      <ResourceView resource={list}>
        {(items) =>
          items.length ? (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('common.name')}</th>
                    <th scope="col">{t('common.slug')}</th>
                    <th scope="col">{t('portal.processes')}</th>
                    <th scope="col">{t('portal.registrationOpen')}</th>
                    <th scope="col">{t('portal.tags')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <Link to={{ name: 'portal', id: p.id, tab: 'settings' }}>{localized(p.name)}</Link>
                        {frenchMissing(p.name) && <FrenchMissing />}
                      </td>
                      <td>{p.slug}</td>
                      <td>{p.processes.map((x) => localized(x.name)).join(', ')}</td>
                      <td>{p.registrationOpen ? t('common.yes') : t('common.no')}</td>
                      <td>{p.tags.join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <Empty>{t('portals.empty')}</Empty>
          )
        }
      </ResourceView>
      <ArchivedList
        id="archived-portals"
        title={t('archive.portals')}
        resource={archived}
        to={(id) => ({ name: 'portal', id, tab: 'settings' })}
      />
    </section>
  )
}
