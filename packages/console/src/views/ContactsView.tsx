import { CompanyForm } from '../components/CompanyForm.js'
import { ContactTable } from '../components/ContactTable.js'
import { useConsole } from '../components/context.js'
import { Empty } from '../components/Empty.js'
import { Link } from '../components/Link.js'
import { NewContactForm } from '../components/NewContactForm.js'
import { ResourceView } from '../components/ResourceView.js'
import { useResource } from '../components/useResource.js'
import { t } from '../i18n/index.js'

/** Companies and contacts: lists and creation. */
export default function ContactsView() {
  const { client, session, router } = useConsole()
  const data = useResource(async () => {
    const [contacts, companies] = await Promise.all([
      client.call('GET /v1/admin/contacts'),
      client.call('GET /v1/admin/companies'),
    ])
    return { contacts: contacts.items, companies: companies.items }
  })
  const canEdit = session.can('agent')
  return (
    <section aria-labelledby="contacts-title">
      <h1 id="contacts-title">{t('contacts.title')}</h1>
      <ResourceView resource={data}>
        {({ contacts, companies }) => (
          <div class="cols">
            <div class="stack">
              <h2>{t('contacts.contacts')}</h2>
              <ContactTable contacts={contacts} companies={companies} />
              {canEdit && (
                <section class="card" aria-labelledby="new-contact-title">
                  <h2 id="new-contact-title">{t('contacts.new')}</h2>
                  <NewContactForm
                    companies={companies}
                    created={(c) => router.go({ name: 'contact', id: c.id })}
                  />
                </section>
              )}
            </div>
            <div class="stack">
              <h2>{t('contacts.companies')}</h2>
              {companies.length ? (
                <ul>
                  {companies.map((c) => (
                    <li key={c.id}>
                      <Link to={{ name: 'company', id: c.id }}>{c.name}</Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <Empty>{t('contacts.noCompanies')}</Empty>
              )}
              {canEdit && (
                <section class="card" aria-labelledby="new-company-title">
                  <h2 id="new-company-title">{t('contacts.newCompany')}</h2>
                  <CompanyForm
                    submitLabel={t('contacts.createCompany')}
                    save={async (body) => {
                      const company = await client.call('POST /v1/admin/companies', { body })
                      router.go({ name: 'company', id: company.id })
                    }}
                  />
                </section>
              )}
            </div>
          </div>
        )}
      </ResourceView>
    </section>
  )
}
