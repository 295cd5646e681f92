import { Link } from './Link.js'
import { PortalPage } from './PortalPage.js'
import { usePath } from './router.js'

/** The host app: a dashboard route and a client-area route with the portal. */
export function App() {
  const path = usePath()
  return (
    <>
      <nav aria-label="Main">
        <Link to="">Dashboard</Link> · <Link to="portal">Client area</Link>
      </nav>
      <main>
        {path === 'portal' ? (
          <PortalPage />
        ) : (
          <section>
            <h1>Dashboard</h1>
            <p>Welcome back. Your requests to Acme Bank are in the client area.</p>
          </section>
        )}
      </main>
    </>
  )
}
