import * as z from 'zod/mini'

// Process names, portal names and theme titles: English required, French optional. Staff see
// what they wrote (`fr: null` where they left it empty); contacts always get every language,
// French falling back to English, and the widget shows the one it speaks.

/** A name as contacts get it: one text per language, missing translations filled with English. */
export const Name = z.object({ en: z.string(), fr: z.string() })
export type Name = z.infer<typeof Name>

/** A name as staff wrote it: English, and French or `null` when they left it empty. */
export const StaffName = z.object({ en: z.string(), fr: z.nullable(z.string()) })
export type StaffName = z.infer<typeof StaffName>

/** A name staff send: English required, French optional (empty or `null` means "use English"). */
export const NameInput = z.object({
  en: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Enter the English name'),
      z.maxLength(200, 'Use at most 200 characters'),
    ),
  fr: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(200, 'Use at most 200 characters')))),
})
export type NameInput = z.infer<typeof NameInput>

/**
 * A staff name as contacts get it: every language filled, English where the translation is missing.
 * @example contactName({ en: 'Open an account', fr: null }).fr // 'Open an account'
 */
export function contactName(name: StaffName): Name {
  return { en: name.en, fr: name.fr || name.en }
}

/**
 * The text of a name in one language, English when it has none.
 * @example nameIn({ en: 'Open an account', fr: 'Ouvrir un compte' }, 'fr') // 'Ouvrir un compte'
 */
export function nameIn(name: StaffName | Name, locale: string): string {
  const texts: Partial<Record<string, string | null>> = name
  return texts[locale] || name.en
}
