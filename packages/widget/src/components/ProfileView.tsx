import { useId, useState } from 'preact/hooks'
import { passkeysOffered } from '../models/contact-flow.js'
import { profileModel, saveProfile } from '../models/ProfileModel.js'
import { useWidget } from './context.js'
import { Form } from './Form.js'
import { FormMessage } from './FormMessage.js'
import { Heading } from './Heading.js'
import { LiveMessage } from './Message.js'
import { PasskeyList } from './PasskeyList.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

/**
 * The contact's own details, as `PATCH /v1/me` allows: name, phone, and the language of e-mails;
 * then their passkeys, where the portal offers them and the browser can make them.
 */
export function ProfileView() {
  const { t, model } = useWidget()
  const form = profileModel(model)
  const [saved, setSaved] = useState(false)
  const languageId = useId()
  return (
    <section>
      <Heading>{t('profile.title')}</Heading>
      <LiveMessage message={saved ? { key: 'profile.saved' } : null} tone="info" />
      <Form
        onSubmit={async () => {
          setSaved(false)
          setSaved(await saveProfile(model))
        }}
      >
        <TextField label={t('name')} autoComplete="name" required {...form.field('name')} />
        <TextField label={t('field.contact.phone')} type="tel" autoComplete="tel" {...form.field('phone')} />
        <div class="field" part="field">
          <label for={languageId}>{t('profile.language')}</label>
          <select
            id={languageId}
            name="locale"
            value={form.values.value.locale}
            onChange={(event) => form.set('locale', event.currentTarget.value)}
          >
            {/* Each language in its own name, as people look for it. */}
            <option value="en" lang="en">
              English
            </option>
            <option value="fr" lang="fr">
              Français
            </option>
          </select>
        </div>
        <FormMessage form={form} />
        <SubmitButton form={form} label={t('profile.save')} />
      </Form>
      {passkeysOffered(model.config.value) && <PasskeyList />}
    </section>
  )
}
