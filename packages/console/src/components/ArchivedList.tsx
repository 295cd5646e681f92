import type { StaffName } from '@portico/schema'
import { localized } from '../i18n/index.js'
import type { Resource } from '../models/Resource.js'
import type { Route } from '../models/routes.js'
import { Link } from './Link.js'
import { ResourceView } from './ResourceView.js'

/** Archived processes or portals, apart from the active ones; nothing at all when there are none. */
export function ArchivedList(props: {
  id: string
  title: string
  resource: Resource<{ id: string; name: StaffName; slug: string; archivedAt: string | null }[]>
  to: (id: string) => Route
}) {
  return (
    <ResourceView resource={props.resource}>
      {(items) =>
        items.length > 0 && (
          <section class="archived" aria-labelledby={props.id}>
            <h2 id={props.id}>{props.title}</h2>
            <ul>
              {items.map((item) => (
                <li key={item.id}>
                  <Link to={props.to(item.id)}>{localized(item.name)}</Link>{' '}
                  <span class="muted">({item.slug})</span>
                </li>
              ))}
            </ul>
          </section>
        )
      }
    </ResourceView>
  )
}
