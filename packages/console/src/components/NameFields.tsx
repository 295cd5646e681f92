import { t } from '../i18n/index.js'
import { frenchMissing, type NameDraft } from '../models/names.js'
import { FrenchMissing } from './FrenchMissing.js'
import { TextField } from './TextField.js'

/** The English and French inputs of a bilingual name, with the mark when French is missing. */
export function NameFields(props: {
  label: string
  value: NameDraft
  errors: { en?: string | undefined; fr?: string | undefined }
  onInput: (value: NameDraft) => void
}) {
  const { value } = props
  return (
    <div class="name-fields">
      <TextField
        label={t('names.en', { label: props.label })}
        lang="en"
        value={value.en}
        error={props.errors.en}
        onInput={(en) => props.onInput({ ...value, en })}
      />
      <TextField
        label={t('names.fr', { label: props.label })}
        lang="fr"
        hint={t('names.frHint')}
        value={value.fr}
        error={props.errors.fr}
        onInput={(fr) => props.onInput({ ...value, fr })}
      />
      {frenchMissing(value) && <FrenchMissing />}
    </div>
  )
}
