import { useWidget } from './context.js'
import { Form } from './Form.js'
import { FormMessage } from './FormMessage.js'
import { GoTo } from './GoTo.js'
import { Heading } from './Heading.js'
import { ProcessFields } from './ProcessFields.js'
import { SubmitButton } from './SubmitButton.js'

/** A further application of a process, its form generated from the process's definition. */
export function NewApplication({ process: slug }: { process: string }) {
  const { t, model, locale } = useWidget()
  const process = model.findProcess(slug)
  if (!process) return <p class="muted">{t('error.not-found')}</p>
  const form = model.processForm(process)
  return (
    <Form onSubmit={() => model.submitNewApplication(form)}>
      <Heading>{t('new.title', { process: process.name[locale] })}</Heading>
      <ProcessFields form={form} />
      <FormMessage form={form.submission} />
      <SubmitButton form={form.submission} label={t('new.submit')} />
      <div class="row">
        <GoTo to={{ name: 'picker' }}>{t('back')}</GoTo>
      </div>
    </Form>
  )
}
