#!/usr/bin/env node
// The API's layering rule, checked in CI: routes and middleware validate, authorise, call a
// service and answer; they never hold SQL or open a transaction. SQL lives in
// packages/api/src/data (per table) and migrations; services own transactions.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = join(import.meta.dirname, '..')
const GUARDED = ['packages/api/src/routes', 'packages/api/src/middleware']
const FORBIDDEN = [
  [/\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(/, 'a query builder call'],
  [/\bsql`/, 'raw SQL'],
  [/\.transaction\(\)/, 'a transaction (services own them)'],
  [/from 'kysely'/, "an import from 'kysely'"],
]

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* files(path)
    else if (/\.tsx?$/.test(name)) yield path
  }
}

const problems = []
for (const dir of GUARDED) {
  for (const file of files(join(root, dir))) {
    const lines = readFileSync(file, 'utf8').split('\n')
    lines.forEach((line, i) => {
      for (const [pattern, what] of FORBIDDEN) {
        if (pattern.test(line)) problems.push(`${relative(root, file)}:${i + 1}: ${what} in the routes layer`)
      }
    })
  }
}

if (problems.length) {
  console.error(problems.join('\n'))
  console.error(
    `[portico] ${problems.length} layering problem(s): move SQL into packages/api/src/data/<table>.ts and the flow into a service in packages/api/src/services/`,
  )
  process.exit(1)
}
console.log(`[portico] layers: no SQL in ${GUARDED.join(', ')}`)
