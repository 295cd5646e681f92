import type { FormDefinition, FormField, FormFieldType } from '@portico/schema'
import { computed, signal } from '@preact/signals'

/** A field while staff edit it: options always present, so the editor needs no special case. */
export interface DraftField {
  /** A stable key for rendering while fields move around. */
  key: number
  name: string
  type: FormFieldType
  label: { en: string; fr: string }
  required: boolean
  options: { value: string; label: { en: string; fr: string } }[]
}

const WITH_OPTIONS: ReadonlySet<FormFieldType> = new Set(['select'])

/** A field name from a label: `Company name` → `companyName`, unique among `taken`. */
export function nameFromLabel(label: string, taken: readonly string[]): string {
  const words = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
  let base = words
    .map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w.toLowerCase()))
    .join('')
  if (!/^[a-zA-Z]/.test(base)) base = `field${base}`
  base = base.slice(0, 45)
  let name = base
  for (let n = 2; taken.includes(name); n++) name = `${base}${n}`
  return name
}

/** The form builder of a process: fields added, moved, edited; the definition the API stores. */
export class FormBuilderModel {
  readonly fields = signal<DraftField[]>([])
  private nextKey = 1

  /** The form as the API and the live preview take it. */
  readonly definition = computed<FormDefinition>(() => ({
    fields: this.fields.value.map((f): FormField => {
      const field: FormField = { name: f.name, type: f.type, label: f.label }
      if (f.required) field.required = true
      if (WITH_OPTIONS.has(f.type)) field.options = f.options
      return field
    }),
  }))

  /** Problems to fix before saving, by field index (the API checks again). */
  readonly problems = computed(() => {
    const problems: { index: number; message: 'name' | 'duplicate' | 'label' | 'options' }[] = []
    const seen = new Set<string>()
    this.fields.value.forEach((f, index) => {
      if (!/^[a-zA-Z][a-zA-Z0-9_]{0,49}$/.test(f.name)) problems.push({ index, message: 'name' })
      else if (seen.has(f.name)) problems.push({ index, message: 'duplicate' })
      seen.add(f.name)
      if (!f.label.en.trim() || !f.label.fr.trim()) problems.push({ index, message: 'label' })
      if (
        WITH_OPTIONS.has(f.type) &&
        (!f.options.length || f.options.some((o) => !o.value || !o.label.en || !o.label.fr))
      )
        problems.push({ index, message: 'options' })
    })
    return problems
  })

  constructor(form: FormDefinition = { fields: [] }) {
    this.fields.value = form.fields.map((f) => ({
      key: this.nextKey++,
      name: f.name,
      type: f.type,
      label: { ...f.label },
      required: f.required ?? false,
      options: (f.options ?? []).map((o) => ({ value: o.value, label: { ...o.label } })),
    }))
  }

  /** Adds a field of `type` at the end, with a name derived from its English label. */
  add(type: FormFieldType, label = { en: '', fr: '' }): void {
    const taken = this.fields.value.map((f) => f.name)
    const name = nameFromLabel(label.en || type, taken)
    this.fields.value = [
      ...this.fields.value,
      { key: this.nextKey++, name, type, label, required: false, options: [] },
    ]
  }

  /** Changes one field; a new English label renames a field whose name still follows its label. */
  update(index: number, patch: Partial<Omit<DraftField, 'key'>>): void {
    this.fields.value = this.fields.value.map((f, i) => {
      if (i !== index) return f
      const next = { ...f, ...patch }
      if (patch.label && patch.label.en !== f.label.en && patch.name === undefined) {
        const taken = this.fields.value.filter((_, j) => j !== index).map((g) => g.name)
        if (f.name === nameFromLabel(f.label.en || f.type, taken))
          next.name = nameFromLabel(patch.label.en || f.type, taken)
      }
      return next
    })
  }

  /** Moves a field up (-1) or down (+1). */
  move(index: number, delta: -1 | 1): void {
    const target = index + delta
    const fields = [...this.fields.value]
    if (target < 0 || target >= fields.length) return
    ;[fields[index], fields[target]] = [fields[target]!, fields[index]!]
    this.fields.value = fields
  }

  /** Removes a field. */
  remove(index: number): void {
    this.fields.value = this.fields.value.filter((_, i) => i !== index)
  }

  /** Adds an empty option to a select field. */
  addOption(index: number): void {
    const field = this.fields.value[index]
    if (!field) return
    this.update(index, { options: [...field.options, { value: '', label: { en: '', fr: '' } }] })
  }

  /** Changes one option; its value follows the English label until staff set one. */
  updateOption(
    index: number,
    option: number,
    patch: { value?: string; label?: { en: string; fr: string } },
  ): void {
    const field = this.fields.value[index]
    if (!field) return
    const options = field.options.map((o, i) => {
      if (i !== option) return o
      const next = { ...o, ...patch }
      if (patch.label && patch.value === undefined && (o.value === '' || o.value === slug(o.label.en)))
        next.value = slug(patch.label.en)
      return next
    })
    this.update(index, { options })
  }

  /** Removes one option. */
  removeOption(index: number, option: number): void {
    const field = this.fields.value[index]
    if (field) this.update(index, { options: field.options.filter((_, i) => i !== option) })
  }
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100)
}
