import { useEffect, useRef } from 'preact/hooks'
import { useWidget } from './context.js'
import { LoadFailed } from './LoadFailed.js'
import { Loading } from './Loading.js'
import { LoginForm } from './LoginForm.js'
import { lazy } from './lazy.js'
import { ProcessPicker } from './ProcessPicker.js'
import { RegisterForm } from './RegisterForm.js'

const ApplicationList = lazy(() => import('./ApplicationList.js').then((m) => m.ApplicationList))

const views = {
  loading: Loading,
  failed: LoadFailed,
  picker: ProcessPicker,
  register: RegisterForm,
  login: LoginForm,
  applications: ApplicationList,
}

/** The root of the widget: the portal's title and the current view. */
export function App() {
  const { model } = useWidget()
  const view = model.view.value
  const root = useRef<HTMLDivElement>(null)
  const first = useRef(true)
  useEffect(() => {
    // The first view never takes focus: the host page keeps it until the user acts in the widget.
    if (first.current) {
      first.current = view === 'loading'
      return
    }
    root.current?.querySelector<HTMLElement>('[data-heading]')?.focus()
  }, [view])
  const View = views[view]
  return (
    <div class="portal" part="portal" ref={root}>
      {model.config.value && (
        <h1 class="title" part="title">
          {model.config.value.name}
        </h1>
      )}
      <View />
    </div>
  )
}
