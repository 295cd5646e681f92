// Budgets of DESIGN.md, measured brotli-compressed on the built files. Widget chunk names carry a
// content hash, so the first view's files are read from the manifest the widget build writes.
const { readFileSync } = require('node:fs')

const dist = 'packages/loader/dist'
const manifest = JSON.parse(readFileSync(`${dist}/manifest.json`, 'utf8'))

module.exports = [
  { name: 'loader', path: `${dist}/portico.js`, limit: '1 KB' },
  {
    name: 'loader + first view (picker, login, register)',
    path: [`${dist}/portico.js`, ...manifest.initial.map((file) => `${dist}/${file}`)],
    limit: '22 KB',
  },
  { name: 'loader + every view', path: [`${dist}/*.js`], limit: '45 KB' },
]
