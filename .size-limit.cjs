// Budgets of DESIGN.md, measured brotli-compressed on the built files. Widget chunk names carry a
// content hash, so the first view's files are read from the manifest the widget build writes.
const { readFileSync } = require('node:fs')
const path = require('node:path')

const dist = 'packages/loader/dist'
const manifest = JSON.parse(readFileSync(`${dist}/manifest.json`, 'utf8'))

// The npm build of the widget: its entry and the chunks it imports statically are the first view;
// every other chunk loads on demand. (@portico/schema is an import the host app bundles.)
const npm = 'packages/widget/dist'
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen
  seen.add(file)
  const code = readFileSync(file, 'utf8')
  for (const [, spec] of code.matchAll(/(?:from|import)\s*"(\.\.?\/[^"]+)"/g)) {
    staticClosure(path.join(path.dirname(file), spec), seen)
  }
  return seen
}

module.exports = [
  { name: 'loader', path: `${dist}/portico.js`, limit: '1 KB' },
  {
    name: 'loader + first view (picker, login, register)',
    path: [`${dist}/portico.js`, ...manifest.initial.map((file) => `${dist}/${file}`)],
    limit: '20 KB',
  },
  { name: 'loader + every view', path: [`${dist}/*.js`], limit: '45 KB' },
  {
    name: 'npm widget: first view (entry + static chunks, preact and signals inside)',
    path: [...staticClosure(`${npm}/index.js`)],
    limit: '20 KB',
  },
  { name: 'npm widget: every view', path: [`${npm}/index.js`, `${npm}/chunks/*.js`], limit: '45 KB' },
  // The staff console: its entry (shell, router, both catalogues) loads first; each view is a lazy chunk.
  {
    name: 'console entry (shell, router, English and French)',
    path: ['packages/console/dist/assets/index-*.js', 'packages/console/dist/assets/index-*.css'],
    limit: '25 KB',
  },
  // 65 KB until the Webhooks view (about 3.6 KB with its strings) joined the staff side's
  // nineteen views; staff load it once per session, and only the entry is on the sign-in path.
  // 72 KB since the contract Share card (end date, revoke, restore: about 1.5 KB with its texts).
  { name: 'console, every view', path: ['packages/console/dist/assets/*'], limit: '72 KB' },
]
