import { t } from '../i18n/index.js'
import type { DraftField, FormBuilderModel } from '../models/FormBuilderModel.js'
import { TextField } from './TextField.js'

/** The choices of a select field, each with English and French labels. */
export function OptionEditor({
  builder,
  field,
  index,
}: {
  builder: FormBuilderModel
  field: DraftField
  index: number
}) {
  return (
    <fieldset>
      <legend>{t('builder.options')}</legend>
      {field.options.map((option, i) => (
        <div class="row" key={i}>
          <TextField
            label={t('builder.optionEn', { n: i + 1 })}
            lang="en"
            value={option.label.en}
            onInput={(en) => builder.updateOption(index, i, { label: { ...option.label, en } })}
          />
          <TextField
            label={t('builder.optionFr', { n: i + 1 })}
            lang="fr"
            value={option.label.fr}
            onInput={(fr) => builder.updateOption(index, i, { label: { ...option.label, fr } })}
          />
          <TextField
            label={t('builder.optionValue', { n: i + 1 })}
            value={option.value}
            onInput={(value) => builder.updateOption(index, i, { value })}
          />
          <div class="field">
            <button type="button" class="danger" onClick={() => builder.removeOption(index, i)}>
              {t('builder.removeOption', { n: i + 1 })}
            </button>
          </div>
        </div>
      ))}
      <button type="button" onClick={() => builder.addOption(index)}>
        {t('builder.addOption')}
      </button>
    </fieldset>
  )
}
