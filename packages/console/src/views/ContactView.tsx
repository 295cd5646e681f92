import { useEffect, useMemo } from 'preact/hooks'
import { ContactDetailsForm } from '../components/ContactDetailsForm.js'
import { useConsole } from '../components/context.js'
import { Link } from '../components/Link.js'
import { LoginPanel } from '../components/LoginPanel.js'
import { ResourceView } from '../components/ResourceView.js'
import { useResource } from '../components/useResource.js'
import { t } from '../i18n/index.js'
import { ContactModel } from '../models/ContactModel.js'
import type { Route } from '../models/routes.js'

/** A contact: details, login (invitation, Active flag), company Admin flag, authorized processes. */
export default function ContactView({ route }: { route: Route }) {
  const { client, session } = useConsole()
  const id = route.name === 'contact' ? route.id : ''
  const model = useMemo(() => new ContactModel(client, id), [client, id])
  useEffect(() => void model.contact.load(), [model])
  const lists = useResource(async () => {
    const [companies, profiles, processes, portals] = await Promise.all([
      client.call('GET /v1/admin/companies'),
      client.call('GET /v1/admin/profiles'),
      client.call('GET /v1/admin/processes'),
      client.call('GET /v1/admin/portals'),
    ])
    return {
      companies: companies.items,
      profiles: profiles.items,
      processes: processes.items,
      portals: portals.items,
    }
  })
  return (
    <section aria-labelledby="contact-title">
      <p>
        <Link to={{ name: 'contacts' }}>{t('contacts.back')}</Link>
      </p>
      <ResourceView resource={model.contact}>
        {(contact) => (
          <>
            <h1 id="contact-title">{contact.name}</h1>
            <p class="muted">{contact.email}</p>
            <ResourceView resource={lists}>
              {(l) => (
                <div class="cols">
                  <section class="card" aria-labelledby="contact-details">
                    <h2 id="contact-details">{t('contacts.details')}</h2>
                    <ContactDetailsForm
                      contact={contact}
                      {...l}
                      save={(patch) => model.save(patch as never)}
                    />
                  </section>
                  <section class="card" aria-labelledby="contact-login">
                    <h2 id="contact-login">{t('contacts.login')}</h2>
                    {session.can('agent') ? (
                      <LoginPanel model={model} contact={contact} portals={l.portals} />
                    ) : (
                      <p>{t(`contactStatus.${contact.status}`)}</p>
                    )}
                  </section>
                </div>
              )}
            </ResourceView>
          </>
        )}
      </ResourceView>
    </section>
  )
}
