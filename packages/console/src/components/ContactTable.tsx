import type { Company, Contact } from '../api/endpoints.js'
import { t } from '../i18n/index.js'
import { Empty } from './Empty.js'
import { Link } from './Link.js'

/** Contacts with their company, status and admin flag. */
export function ContactTable({ contacts, companies }: { contacts: Contact[]; companies: Company[] }) {
  if (!contacts.length) return <Empty>{t('contacts.empty')}</Empty>
  const companyName = new Map(companies.map((c) => [c.id, c.name]))
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('common.name')}</th>
            <th scope="col">{t('common.email')}</th>
            <th scope="col">{t('inbox.company')}</th>
            <th scope="col">{t('contacts.status')}</th>
            <th scope="col">{t('contacts.admin')}</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={{ name: 'contact', id: c.id }}>{c.name}</Link>
              </td>
              <td>{c.email}</td>
              <td>{c.companyId ? (companyName.get(c.companyId) ?? '—') : '—'}</td>
              <td>{t(`contactStatus.${c.status}`)}</td>
              <td>{c.isCompanyAdmin ? t('common.yes') : t('common.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
