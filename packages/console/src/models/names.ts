import type { NameInput, StaffName } from '@portico/schema'

// Process names, portal names and theme titles are edited as two inputs: English (required) and
// French (optional: contacts reading French get the English text where it is empty).

/** A bilingual name as a form edits it. */
export interface NameDraft {
  en: string
  fr: string
}

/** The draft of a name staff wrote (`fr: null` becomes an empty input). */
export function nameDraft(name: StaffName | null | undefined): NameDraft {
  return { en: name?.en ?? '', fr: name?.fr ?? '' }
}

/** The body of a drafted name: French left empty is sent as `null`, "use the English". */
export function nameInput(draft: NameDraft): NameInput {
  return { en: draft.en.trim(), fr: draft.fr.trim() || null }
}

/** Whether staff gave a name in English but not in French (the console marks it). */
export function frenchMissing(name: StaffName | NameDraft | null | undefined): boolean {
  return Boolean(name?.en.trim()) && !name?.fr?.trim()
}

/**
 * The form field an API field error belongs to, for forms whose bilingual names are `name` and
 * `nameFr`: `name.en` → `name`, `name.fr` → `nameFr`, anything else its first segment.
 */
export function nameFormField(apiField: string): string {
  if (apiField === 'name.fr') return 'nameFr'
  return apiField.split('.')[0] ?? apiField
}

/** A form's field errors keyed by {@link nameFormField}, the first message of each field kept. */
export function nameFormErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [field, message] of Object.entries(errors)) out[nameFormField(field)] ??= message
  return out
}
