import { Link } from '../components/Link.js'
import { t } from '../i18n/index.js'

/** A console address that names no screen. */
export default function NotFoundView() {
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('error.notFound')}</h1>
      <p>
        <Link to={{ name: 'inbox' }}>{t('application.back')}</Link>
      </p>
    </section>
  )
}
