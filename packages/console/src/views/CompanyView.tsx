import { CompanyForm } from '../components/CompanyForm.js'
import { ContactTable } from '../components/ContactTable.js'
import { useConsole } from '../components/context.js'
import { Link } from '../components/Link.js'
import { NewContactForm } from '../components/NewContactForm.js'
import { ResourceView } from '../components/ResourceView.js'
import { useResource } from '../components/useResource.js'
import { t } from '../i18n/index.js'
import type { Route } from '../models/routes.js'

/** A company: its details and its contacts. */
export default function CompanyView({ route }: { route: Route }) {
  const { client, session } = useConsole()
  const id = route.name === 'company' ? route.id : ''
  const data = useResource(async () => {
    const [company, contacts] = await Promise.all([
      client.call('GET /v1/admin/companies/{id}', { params: { id } }),
      client.call('GET /v1/admin/contacts', { query: { companyId: id } }),
    ])
    return { company, contacts: contacts.items }
  }, [id])
  return (
    <section aria-labelledby="company-title">
      <p>
        <Link to={{ name: 'contacts' }}>{t('contacts.back')}</Link>
      </p>
      <ResourceView resource={data}>
        {({ company, contacts }) => (
          <>
            <h1 id="company-title">{company.name}</h1>
            <div class="cols">
              <div class="stack">
                <h2>{t('contacts.companyContacts')}</h2>
                <ContactTable contacts={contacts} companies={[company]} />
                {session.can('agent') && (
                  <section class="card" aria-labelledby="company-new-contact">
                    <h2 id="company-new-contact">{t('contacts.new')}</h2>
                    <NewContactForm
                      companies={[company]}
                      companyId={company.id}
                      created={() => void data.load()}
                    />
                  </section>
                )}
              </div>
              <section class="card" aria-labelledby="company-edit">
                <h2 id="company-edit">{t('contacts.details')}</h2>
                <CompanyForm
                  company={company}
                  submitLabel={t('common.save')}
                  save={async (body) => {
                    const updated = await client.call('PATCH /v1/admin/companies/{id}', {
                      params: { id },
                      body,
                    })
                    data.set({ company: updated, contacts })
                  }}
                />
              </section>
            </div>
          </>
        )}
      </ResourceView>
    </section>
  )
}
