#!/usr/bin/env node
// The API's layering rule, checked in CI: routes and middleware validate, authorise, call a
// service and answer; they never hold SQL or open a transaction. SQL lives in
// packages/api/src/data (per table) and migrations; services own transactions.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
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

// Route files that still hold SQL from before the rule, with how many lines: the count may only
// go down (a ratchet). Every other file must hold none. `--update` rewrites it after a move.
const BASELINE = join(root, 'scripts/layers-baseline.json')
const baseline = JSON.parse(readFileSync(BASELINE, 'utf8'))

const problems = new Map()
for (const dir of GUARDED) {
  for (const file of files(join(root, dir))) {
    const lines = readFileSync(file, 'utf8').split('\n')
    lines.forEach((line, i) => {
      for (const [pattern, what] of FORBIDDEN) {
        if (!pattern.test(line)) continue
        const name = relative(root, file)
        problems.set(name, [...(problems.get(name) ?? []), `${name}:${i + 1}: ${what} in the routes layer`])
      }
    })
  }
}

if (process.argv.includes('--update')) {
  const counts = Object.fromEntries([...problems].map(([file, list]) => [file, list.length]).sort())
  writeFileSync(BASELINE, `${JSON.stringify(counts, null, 2)}\n`)
  console.log(`[portico] layers baseline: ${Object.keys(counts).length} file(s) still to move`)
  process.exit(0)
}

const failures = []
for (const [file, list] of problems) {
  if (list.length > (baseline[file] ?? 0)) failures.push(...list)
}
if (failures.length) {
  console.error(failures.join('\n'))
  console.error(
    '[portico] SQL in the routes layer: move it into packages/api/src/data/<table>.ts and the flow into a service in packages/api/src/services/',
  )
  process.exit(1)
}
const left = [...problems.values()].reduce((sum, list) => sum + list.length, 0)
console.log(
  `[portico] layers: no new SQL in ${GUARDED.join(', ')}; ${left} older line(s) in ${problems.size} file(s) still to move (scripts/layers-baseline.json)`,
)
