import { type Messages, t } from '../i18n/index.js'
import type { Route } from '../models/routes.js'
import { useConsole } from './context.js'
import { Link } from './Link.js'

const ITEMS: { to: Route; label: keyof Messages; matches: Route['name'][]; admin?: boolean }[] = [
  { to: { name: 'inbox' }, label: 'nav.inbox', matches: ['inbox', 'application'] },
  { to: { name: 'contacts' }, label: 'nav.contacts', matches: ['contacts', 'contact', 'company'] },
  { to: { name: 'contracts' }, label: 'nav.contracts', matches: ['contracts', 'contract'] },
  { to: { name: 'processes' }, label: 'nav.processes', matches: ['processes', 'process'] },
  { to: { name: 'portals' }, label: 'nav.portals', matches: ['portals', 'portal'] },
  { to: { name: 'profiles' }, label: 'nav.profiles', matches: ['profiles'] },
  { to: { name: 'outbox' }, label: 'nav.outbox', matches: ['outbox'] },
  { to: { name: 'webhooks' }, label: 'nav.webhooks', matches: ['webhooks'], admin: true },
  { to: { name: 'audit' }, label: 'nav.audit', matches: ['audit'] },
  { to: { name: 'settings' }, label: 'nav.settings', matches: ['settings'] },
]

/** The console's main navigation; the current section is marked for assistive technology. */
export function Nav({ route }: { route: Route }) {
  const { session } = useConsole()
  // Webhooks are an admin's business; a viewer can still open the page by its address to read the log.
  const items = ITEMS.filter((item) => !item.admin || session.can('admin'))
  return (
    <nav class="nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.label}>
            <Link to={item.to} aria-current={item.matches.includes(route.name) ? 'page' : undefined}>
              {t(item.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
