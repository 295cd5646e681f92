import { useWidget } from './context.js'
import { Heading } from './Heading.js'

/**
 * The processes of the portal. Visitors pick one to register; contacts see what they may start,
 * with the reason when they may not (a forbidden duplicate, or no further applications).
 */
export function ProcessPicker() {
  const { t, model } = useWidget()
  const loggedIn = Boolean(model.session.value)
  const items = model.startable()
  const noNew = loggedIn && items.length > 0 && items.every((item) => item.reason === 'no-new')
  return (
    <section>
      <Heading>{t(loggedIn ? 'nav.new' : 'pickProcess')}</Heading>
      {noNew ? (
        <p class="muted">{t('picker.noNew')}</p>
      ) : (
        <ul class="choices">
          {items.map(({ process, reason }) => {
            const blocked = loggedIn && reason === 'duplicate'
            const hintId = `why-${process.id}`
            return (
              <li key={process.id}>
                <button
                  type="button"
                  class="choice"
                  part="choice"
                  aria-disabled={blocked ? 'true' : undefined}
                  aria-describedby={blocked ? hintId : undefined}
                  onClick={() => !blocked && model.choose(process)}
                >
                  {process.name}
                </button>
                {blocked && (
                  <p id={hintId} class="muted small">
                    {t('picker.duplicate')}
                  </p>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {!loggedIn && (
        <button type="button" class="link" onClick={() => model.navigate({ name: 'login' })}>
          {t('haveAccount')}
        </button>
      )}
    </section>
  )
}
