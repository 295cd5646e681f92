import { type Kysely, sql } from 'kysely'

// Process names, portal names and theme titles become bilingual: `name` keeps the English text,
// the new `name_fr` the French one (null: staff left it empty, contacts read the English). Theme
// titles live in the portal's theme JSON: an old plain-string title becomes `{ en, fr: null }`.

/** Adds the French names and converts existing theme titles. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['processes', 'portals']) {
    await db.schema.alterTable(table).addColumn('name_fr', 'text').execute()
  }
  await convertThemeTitles(db)
}

/** Turns every plain-string theme title into `{ en, fr: null }`; answers how many portals changed. */
export async function convertThemeTitles<DB>(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ id: string; theme: string }>`select id, theme from portals`.execute(db)
  let changed = 0
  for (const row of rows) {
    const theme = parse(row.theme)
    if (typeof theme.title !== 'string') continue
    const next = { ...theme, title: theme.title ? { en: theme.title, fr: null } : null }
    await sql`update portals set theme = ${JSON.stringify(next)} where id = ${row.id}`.execute(db)
    changed++
  }
  return changed
}

/** Drops the French names; theme titles go back to their English text. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ id: string; theme: string }>`select id, theme from portals`.execute(db)
  for (const row of rows) {
    const theme = parse(row.theme)
    const title = theme.title as { en?: string } | null | undefined
    if (!title || typeof title !== 'object') continue
    const next = { ...theme, title: title.en ?? null }
    await sql`update portals set theme = ${JSON.stringify(next)} where id = ${row.id}`.execute(db)
  }
  for (const table of ['processes', 'portals']) {
    await db.schema.alterTable(table).dropColumn('name_fr').execute()
  }
}

function parse(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
