import { useWidget } from './context.js'
import { GoTo } from './GoTo.js'
import { Heading } from './Heading.js'
import { ResourceView } from './ResourceView.js'

/**
 * The processes of the portal. Visitors pick one to register; contacts see what they may start,
 * with the reason when they may not (a forbidden duplicate, or no further applications).
 */
export function ProcessPicker() {
  const { model } = useWidget()
  return model.session.value ? <ContactPicker /> : <VisitorPicker />
}

function VisitorPicker() {
  const { t, model, locale } = useWidget()
  return (
    <section>
      <Heading>{t('pickProcess')}</Heading>
      <ul class="choices">
        {model.config.value?.processes.map((process) => (
          <li key={process.id}>
            <button type="button" class="choice" part="choice" onClick={() => model.choose(process)}>
              {process.name[locale]}
            </button>
          </li>
        ))}
      </ul>
      <GoTo to={{ name: 'login' }}>{t('haveAccount')}</GoTo>
    </section>
  )
}

function ContactPicker() {
  const { t, model, locale } = useWidget()
  return (
    <section>
      <Heading>{t('nav.new')}</Heading>
      <ResourceView resource={model.startable}>
        {({ items }) =>
          items.length > 0 && items.every((p) => p.blocked === 'no-new') ? (
            <p class="muted">{t('picker.noNew')}</p>
          ) : (
            <ul class="choices">
              {items.map((process) =>
                process.blocked === 'no-new' ? null : (
                  <li key={process.id}>
                    <button
                      type="button"
                      class="choice"
                      part="choice"
                      aria-disabled={process.blocked ? 'true' : undefined}
                      aria-describedby={process.blocked ? `why-${process.id}` : undefined}
                      onClick={() => !process.blocked && model.choose(process)}
                    >
                      {process.name[locale]}
                    </button>
                    {process.blocked && (
                      <p id={`why-${process.id}`} class="muted small">
                        {t('picker.duplicate')}
                      </p>
                    )}
                  </li>
                ),
              )}
            </ul>
          )
        }
      </ResourceView>
    </section>
  )
}
