import { useId, useRef, useState } from 'preact/hooks'
import { useWidget } from './context.js'

/**
 * The contact's name, opening a menu: profile, log out, log out everywhere. A disclosure (button
 * with aria-expanded and a list of buttons) rather than an ARIA menu: Tab reaches each item, and
 * Escape closes it and gives focus back to the button.
 */
export function ContactMenu() {
  const { t, model } = useWidget()
  const [open, setOpen] = useState(false)
  const id = useId()
  const button = useRef<HTMLButtonElement>(null)
  const name = model.me.value?.name ?? model.session.value?.contact.name ?? ''
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      setOpen(false)
      button.current?.focus()
    }
  }
  const item = (label: string, run: () => void) => (
    <li>
      <button
        type="button"
        class="menu-item"
        onKeyDown={closeOnEscape}
        onClick={() => {
          setOpen(false)
          run()
        }}
      >
        {label}
      </button>
    </li>
  )
  return (
    <div class="contact-menu">
      <button
        ref={button}
        type="button"
        class="link"
        aria-expanded={open ? 'true' : 'false'}
        onKeyDown={closeOnEscape}
        aria-controls={open ? id : undefined}
        // The visible name stays in the accessible name (WCAG 2.5.3).
        aria-label={t('menu.label', { name })}
        onClick={() => {
          setOpen(!open)
        }}
      >
        {name}
      </button>
      {open && (
        <ul id={id} class="menu" part="menu">
          {item(t('profile.title'), () => model.navigate({ name: 'profile' }))}
          {item(t('logout'), () => void model.logout())}
          {item(t('logout.everywhere'), () => void model.logout(true))}
        </ul>
      )}
    </div>
  )
}
