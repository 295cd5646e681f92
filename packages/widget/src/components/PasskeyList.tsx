import { useEffect } from 'preact/hooks'
import { passkeysModel } from '../models/PasskeysModel.js'
import { useWidget } from './context.js'
import { Form } from './Form.js'
import { FormMessage } from './FormMessage.js'
import { Subheading } from './Heading.js'
import { LiveMessage } from './Message.js'
import { ResourceView } from './ResourceView.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

/**
 * The contact's passkeys: each one's name, when it was added and last used, its removal (asked
 * first, as a secondary action), and a form to add one made on this device.
 */
export function PasskeyList() {
  const { t, model, locale } = useWidget()
  const pk = passkeysModel(model)
  useEffect(() => {
    void pk.list.load()
  }, [pk])
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso))
  return (
    <Form onSubmit={() => pk.create()}>
      <Subheading>{t('passkeys.title')}</Subheading>
      <LiveMessage message={pk.note.value} tone="info" />
      <ResourceView resource={pk.list}>
        {({ items }) => (
          <ul part="list">
            {items.map(({ id, name, createdAt, lastUsedAt }) => (
              <li key={id}>
                <strong>{name}</strong>
                <span class="block small">
                  {t('passkeys.dates', {
                    added: date(createdAt),
                    used: lastUsedAt ? date(lastUsedAt) : t('passkeys.never'),
                  })}
                </span>
                {pk.confirming.value === id ? (
                  <fieldset class="confirm">
                    <legend class="small">{t('passkeys.confirm', { name })}</legend>
                    <button type="button" class="button secondary small" onClick={() => void pk.remove(id)}>
                      {t('yes')}
                    </button>{' '}
                    <button type="button" class="link" onClick={() => (pk.confirming.value = null)}>
                      {t('back')}
                    </button>
                  </fieldset>
                ) : (
                  <button type="button" class="link" onClick={() => (pk.confirming.value = id)}>
                    {t('passkeys.remove', { name })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </ResourceView>
      <TextField label={t('passkeys.name')} maxLength={60} {...pk.add.field('name')} />
      <FormMessage form={pk.add} />
      <SubmitButton form={pk.add} label={t('passkeys.add')} />
    </Form>
  )
}
