import type { TestProject } from 'vitest/node'
import { openDatabase } from '../src/db/database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { createPostgresTemplate, testDatabaseKind } from './databases.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated PostgreSQL database each test clones, or '' on SQLite. */
    postgresTemplate: string
  }
}

/** On the PostgreSQL pass, migrates one template database that every test's database copies. */
export default async function setup(project: TestProject) {
  if (testDatabaseKind() !== 'postgres') {
    project.provide('postgresTemplate', '')
    return
  }
  const template = await createPostgresTemplate(async (url) => {
    const db = await openDatabase(url)
    try {
      await migrateToLatest(db.kysely as never)
    } finally {
      await db.close()
    }
  })
  project.provide('postgresTemplate', template.name)
  return () => template.drop()
}
