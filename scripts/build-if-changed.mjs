#!/usr/bin/env node
// `pnpm demo` runs this before starting: it builds every package (pnpm -r build) only when a
// source file changed since the last build, or a package's dist/ is missing. The fingerprint is
// the path, size and modification time of every file outside node_modules and build outputs.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const SKIP = new Set(['node_modules', 'dist', '.data', 'coverage', '.git'])
const stampFile = join(root, 'node_modules', '.cache', 'portico-build-fingerprint')

function walk(dir, hash) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (SKIP.has(entry.name) || /\.sqlite(-wal|-shm)?$/.test(entry.name)) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) walk(path, hash)
    else if (entry.isFile()) {
      const { size, mtimeMs } = statSync(path)
      hash.update(`${path}\0${size}\0${mtimeMs}\n`)
    }
  }
}

const workspaces = ['packages', 'examples'].flatMap((group) =>
  readdirSync(join(root, group)).map((name) => join(root, group, name)),
)
const hash = createHash('sha256')
for (const file of ['package.json', 'pnpm-lock.yaml', 'tsconfig.base.json'])
  hash.update(readFileSync(join(root, file)))
for (const dir of workspaces) walk(dir, hash)
const fingerprint = hash.digest('hex')

const built = workspaces
  .filter((dir) =>
    /"build":\s*"(?!tsc -p tsconfig.json --noEmit)/.test(readFileSync(join(dir, 'package.json'), 'utf8')),
  )
  .every((dir) => existsSync(join(dir, 'dist')))
const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : ''
if (built && previous === fingerprint) {
  console.log('[portico] nothing changed since the last build: starting without rebuilding')
} else {
  const result = spawnSync('pnpm', ['-r', 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
  mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true })
  writeFileSync(stampFile, fingerprint)
}
