import { useLayoutEffect, useRef } from 'preact/hooks'
import { adoptContactStyles } from '../contact-styles.js'
import type { Route } from '../models/routes.js'
import { ApplicationSwitcher } from './ApplicationSwitcher.js'
import { ContactMenu } from './ContactMenu.js'
import { useWidget } from './context.js'

/** The bar of a logged-in contact: the modules their profile opens, the application switcher, the contact's menu. */
export function Header() {
  const { t, model } = useWidget()
  const modules = model.modules.value
  const current = model.route.value.name
  const link = (route: Route, label: string, active: boolean) => (
    <button
      type="button"
      class="tab"
      part="tab"
      aria-current={active ? 'page' : undefined}
      onClick={() => model.navigate(route)}
    >
      {label}
    </button>
  )
  const ref = useRef<HTMLElement>(null)
  useLayoutEffect(() => adoptContactStyles(ref.current), [])
  return (
    <header class="header" part="header" ref={ref}>
      <nav class="tabs" aria-label={t('nav.label')}>
        {modules.includes('applications') &&
          link(
            { name: 'applications' },
            t('nav.applications'),
            current === 'applications' || current === 'application',
          )}
        {modules.includes('applications') &&
          link({ name: 'picker' }, t('nav.new'), current === 'picker' || current === 'new')}
        {modules.includes('contracts') &&
          link({ name: 'contracts' }, t('nav.contracts'), current === 'contracts' || current === 'contract')}
        {modules.includes('company') && link({ name: 'company' }, t('nav.company'), current === 'company')}
      </nav>
      <div class="header-end">
        {modules.includes('applications') && <ApplicationSwitcher />}
        <ContactMenu />
      </div>
    </header>
  )
}
