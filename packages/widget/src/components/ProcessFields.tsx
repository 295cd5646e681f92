import type { ProcessFormModel } from '../models/ProcessFormModel.js'
import { ChoiceField } from './ChoiceField.js'
import { useWidget } from './context.js'
import { FileField } from './FileField.js'
import { TextArea } from './TextArea.js'
import { TextField } from './TextField.js'

const INPUT_TYPES = { text: 'text', email: 'email', phone: 'tel', date: 'date' } as const

/** The fields of a process form, generated from its definition, with their answers and messages. */
export function ProcessFields({ form }: { form: ProcessFormModel }) {
  const { locale } = useWidget()
  const values = form.values.value
  const errors = form.errors.value
  return (
    <>
      {form.form.fields.map((field) => {
        const error = errors[field.name]
        const value = values[field.name]
        if (field.type === 'select' || field.type === 'checkbox') {
          return (
            <ChoiceField
              key={field.name}
              field={field}
              value={value}
              error={error}
              onChange={(v) => form.set(field.name, v)}
            />
          )
        }
        if (field.type === 'file') {
          return (
            <FileField
              key={field.name}
              field={field}
              file={form.files.value[field.name]}
              error={error}
              onChange={(file) => form.setFile(field.name, file)}
            />
          )
        }
        const text = typeof value === 'string' ? value : ''
        if (field.type === 'textarea') {
          return (
            <TextArea
              key={field.name}
              label={field.label[locale]}
              name={field.name}
              required={field.required ?? false}
              value={text}
              error={error}
              onInput={(v) => form.set(field.name, v)}
            />
          )
        }
        return (
          <TextField
            key={field.name}
            label={field.label[locale]}
            name={field.name}
            type={INPUT_TYPES[field.type]}
            required={field.required ?? false}
            value={text}
            error={error}
            onInput={(v) => form.set(field.name, v)}
          />
        )
      })}
    </>
  )
}
