import { useWidget } from './context.js'
import { Heading } from './Heading.js'

/** Lists the processes of a multi-process portal; picking one goes on to registration. */
export function ProcessPicker() {
  const { t, model } = useWidget()
  return (
    <section>
      <Heading>{t('pickProcess')}</Heading>
      <ul class="choices">
        {model.config.value?.processes.map((process) => (
          <li key={process.id}>
            <button type="button" class="choice" part="choice" onClick={() => model.choose(process)}>
              {process.name}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="link" onClick={() => model.show('login')}>
        {t('haveAccount')}
      </button>
    </section>
  )
}
