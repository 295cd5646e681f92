import { describe, expect, it } from 'vitest'
import { FormBuilderModel, nameFromLabel } from '../src/models/FormBuilderModel.js'

describe('the form builder', () => {
  it('names fields after their English label, uniquely', () => {
    expect(nameFromLabel('Company name', [])).toBe('companyName')
    expect(nameFromLabel('Société à créer', [])).toBe('societeACreer')
    expect(nameFromLabel('Company name', ['companyName'])).toBe('companyName2')
    expect(nameFromLabel('2nd line', [])).toBe('field2ndLine')
  })

  it('adds, relabels, reorders and removes fields, and writes the definition the API takes', () => {
    const builder = new FormBuilderModel()
    builder.add('text')
    builder.update(0, { label: { en: 'Company name', fr: 'Nom de la société' }, required: true })
    builder.add('select')
    builder.update(1, { label: { en: 'Country', fr: 'Pays' } })
    builder.addOption(1)
    builder.updateOption(1, 0, { label: { en: 'Belgium', fr: 'Belgique' } })
    builder.move(1, -1)
    expect(builder.definition.value).toEqual({
      fields: [
        {
          name: 'country',
          type: 'select',
          label: { en: 'Country', fr: 'Pays' },
          options: [{ value: 'belgium', label: { en: 'Belgium', fr: 'Belgique' } }],
        },
        {
          name: 'companyName',
          type: 'text',
          label: { en: 'Company name', fr: 'Nom de la société' },
          required: true,
        },
      ],
    })
    expect(builder.problems.value).toEqual([])
    builder.remove(0)
    expect(builder.definition.value.fields.map((f) => f.name)).toEqual(['companyName'])
  })

  it('keeps a name staff chose when the label changes, and reports what the API would refuse', () => {
    const builder = new FormBuilderModel({
      fields: [{ name: 'vat', type: 'text', label: { en: 'VAT number', fr: 'Numéro de TVA' } }],
    })
    builder.update(0, { label: { en: 'VAT', fr: 'TVA' } })
    expect(builder.fields.value[0]?.name).toBe('vat')
    builder.add('select', { en: 'Size', fr: '' })
    builder.update(1, { name: 'vat' })
    expect(builder.problems.value).toEqual([
      { index: 1, message: 'duplicate' },
      { index: 1, message: 'label' },
      { index: 1, message: 'options' },
    ])
  })

  it('does not move a field past either end', () => {
    const builder = new FormBuilderModel()
    builder.add('text', { en: 'A', fr: 'A' })
    builder.add('text', { en: 'B', fr: 'B' })
    builder.move(0, -1)
    builder.move(1, 1)
    expect(builder.fields.value.map((f) => f.name)).toEqual(['a', 'b'])
  })
})
