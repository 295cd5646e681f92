import { effect } from '@preact/signals'
import { render } from 'preact'
import { createClient } from './api/client.js'
import { App } from './components/App.js'
import { ConsoleContext } from './components/context.js'
import { locale } from './i18n/index.js'
import { RouterModel } from './models/RouterModel.js'
import { SessionModel } from './models/SessionModel.js'
import { sessionTokenStore } from './models/token-store.js'
import './styles.css'

const tokens = sessionTokenStore()
let session: SessionModel | undefined
const client = createClient({ token: tokens.get, onUnauthorized: () => session?.expire() })
session = new SessionModel(client, tokens)
const router = new RouterModel('/console/')

// The staff user's language wins over the browser's once they are signed in.
effect(() => {
  const chosen = session.staff.value?.locale
  if (chosen === 'en' || chosen === 'fr') locale.value = chosen
})
effect(() => {
  document.documentElement.lang = locale.value
})

void session.restore()
const root = document.getElementById('app')
if (!root) throw new Error('[portico] the console page needs an element with id="app"')
render(
  <ConsoleContext.Provider value={{ client, session, router }}>
    <App />
  </ConsoleContext.Provider>,
  root,
)
