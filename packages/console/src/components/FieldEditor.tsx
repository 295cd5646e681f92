import { FORM_FIELD_TYPES } from '@portico/schema'
import { t } from '../i18n/index.js'
import type { DraftField, FormBuilderModel } from '../models/FormBuilderModel.js'
import { CheckboxField } from './CheckboxField.js'
import { OptionEditor } from './OptionEditor.js'
import { SelectField } from './SelectField.js'
import { TextField } from './TextField.js'

/** One field of the form builder: type, English and French labels, required, options, order. */
export function FieldEditor(props: {
  builder: FormBuilderModel
  field: DraftField
  index: number
  count: number
  problems: string[]
}) {
  const { builder, field, index } = props
  const n = index + 1
  return (
    <fieldset class="builder-field">
      <legend>{t('builder.field', { n, label: field.label.en || t(`fieldType.${field.type}`) })}</legend>
      <div class="row">
        <SelectField
          label={t('builder.type')}
          value={field.type}
          options={FORM_FIELD_TYPES.map((type) => ({ value: type, label: t(`fieldType.${type}`) }))}
          onChange={(type) => builder.update(index, { type: type as DraftField['type'] })}
        />
        <TextField
          label={t('builder.labelEn')}
          lang="en"
          value={field.label.en}
          onInput={(en) => builder.update(index, { label: { ...field.label, en } })}
        />
        <TextField
          label={t('builder.labelFr')}
          lang="fr"
          value={field.label.fr}
          onInput={(fr) => builder.update(index, { label: { ...field.label, fr } })}
        />
        <TextField
          label={t('builder.name')}
          hint={t('builder.nameHint')}
          value={field.name}
          onInput={(name) => builder.update(index, { name })}
        />
      </div>
      <CheckboxField
        label={t('builder.required')}
        checked={field.required}
        onChange={(required) => builder.update(index, { required })}
      />
      {field.type === 'select' && <OptionEditor builder={builder} field={field} index={index} />}
      {props.problems.length > 0 && (
        <ul class="field-error">
          {props.problems.map((p) => (
            <li key={p}>{t(`builder.problem.${p as 'name'}`)}</li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button
          type="button"
          onClick={() => builder.move(index, -1)}
          disabled={index === 0}
          aria-label={t('builder.upLabel', { n })}
        >
          {t('builder.up')}
        </button>
        <button
          type="button"
          onClick={() => builder.move(index, 1)}
          disabled={index === props.count - 1}
          aria-label={t('builder.downLabel', { n })}
        >
          {t('builder.down')}
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => builder.remove(index)}
          aria-label={t('builder.removeLabel', { n })}
        >
          {t('builder.remove')}
        </button>
      </div>
    </fieldset>
  )
}
