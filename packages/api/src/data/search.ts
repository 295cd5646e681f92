import { sql } from 'kysely'

/** A LIKE pattern that finds `text` anywhere, case-insensitively, with wildcards in `text` escaped. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
}

/**
 * A condition true when any of `columns` contains `text`, ignoring case, on SQLite and PostgreSQL.
 * @example query.where(containsText(['c.name', 'c.email'], 'ada'))
 */
export function containsText(columns: readonly string[], text: string) {
  const pattern = containsPattern(text)
  return sql<boolean>`(${sql.join(
    columns.map((c) => sql`lower(${sql.ref(c)}) like ${pattern} escape '\\'`),
    sql` or `,
  )})`
}
