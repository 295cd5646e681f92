import { useEffect, useRef } from 'preact/hooks'
import { useWidget } from './context.js'
import { Title } from './Heading.js'
import { LoadFailed } from './LoadFailed.js'
import { Loading } from './Loading.js'
import { LoginForm } from './LoginForm.js'
import { lazy } from './lazy.js'
import { LiveMessage } from './Message.js'
import { ProcessPicker } from './ProcessPicker.js'
import { RegisterForm } from './RegisterForm.js'

// Only the first views (picker, login, register) are in the first chunk; the rest load on demand.
const ForgotForm = lazy(() => import('./views-auth.js').then((m) => m.ForgotForm))
const ResetForm = lazy(() => import('./views-auth.js').then((m) => m.ResetForm))
const InviteForm = lazy(() => import('./views-auth.js').then((m) => m.InviteForm))
const Passwordless = lazy(() => import('./Passwordless.js').then((m) => m.PasswordlessView))
const ApplicationView = lazy(() => import('./views-applications.js').then((m) => m.ApplicationView))
const Dashboard = lazy(() => import('./views-applications.js').then((m) => m.Dashboard))
const NewApplication = lazy(() => import('./views-applications.js').then((m) => m.NewApplication))
const ContractList = lazy(() => import('./views-contracts.js').then((m) => m.ContractList))
const ContractView = lazy(() => import('./views-contracts.js').then((m) => m.ContractView))
const CompanyPage = lazy(() => import('./views-account.js').then((m) => m.CompanyPage))
const ProfileView = lazy(() => import('./views-account.js').then((m) => m.ProfileView))
const Header = lazy(() => import('./Header.js').then((m) => m.Header))

function CurrentView() {
  const { model } = useWidget()
  const route = model.route.value
  switch (route.name) {
    case 'loading':
      return <Loading />
    case 'failed':
      return <LoadFailed />
    case 'picker':
      return <ProcessPicker />
    case 'register':
      return <RegisterForm />
    case 'login':
      return <LoginForm />
    case 'forgot':
      return <ForgotForm />
    case 'reset':
      return <ResetForm />
    case 'invite':
      return <InviteForm />
    case 'code':
    case 'link':
    case 'signin-link':
      return <Passwordless />
    case 'applications':
      return <Dashboard />
    case 'application':
      return <ApplicationView key={route.id} id={route.id} />
    case 'new':
      return <NewApplication key={route.process} process={route.process} />
    case 'contracts':
      return <ContractList />
    case 'contract':
      return <ContractView key={route.id} id={route.id} />
    case 'company':
      return <CompanyPage />
    case 'profile':
      return <ProfileView />
  }
}

/** Locales written right to left (none yet: the list grows with the catalogues). */
const RTL: readonly string[] = []

/** The root of the widget: the portal's title, the contact's header, announcements and the current view. */
export function App() {
  const { model } = useWidget()
  const route = model.route.value
  const config = model.config.value
  const root = useRef<HTMLDivElement>(null)
  const first = useRef(true)
  const key = JSON.stringify(route)
  // Object-form style: Preact sets it through the CSSOM, which a strict CSP allows.
  const accent = config?.theme.accent
  useEffect(() => {
    // The first view never takes focus: the host page keeps it until the user acts in the widget.
    if (first.current) {
      first.current = route.name === 'loading'
      return
    }
    // Lazy views and slow data render their heading later (seconds, on a slow network): watch for
    // it rather than give up, so focus never falls to <body>. A newer view change disconnects this.
    const find = () => root.current?.querySelector<HTMLElement>('[data-heading]')
    const heading = find()
    if (heading) {
      heading.focus()
      return
    }
    const container = root.current
    if (!container || typeof MutationObserver === 'undefined') return
    const observer = new MutationObserver(() => {
      const found = find()
      if (!found) return
      observer.disconnect()
      found.focus()
    })
    observer.observe(container, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [key])
  return (
    <div
      class="portal"
      part="portal"
      ref={root}
      lang={model.locale}
      // The widget's own direction, whatever the host page's (a right-to-left page must not flip it).
      dir={RTL.includes(model.locale) ? 'rtl' : 'ltr'}
      style={accent ? { '--portico-accent': accent } : undefined}
    >
      {config && (
        <div class="top">
          {config.theme.logoUrl && <img class="logo" part="logo" src={config.theme.logoUrl} alt="" />}
          <Title>{(config.theme.title ?? config.name)[model.locale]}</Title>
        </div>
      )}
      {model.session.value && <Header />}
      <LiveMessage message={model.notice.value} tone="info" />
      <CurrentView />
    </div>
  )
}
