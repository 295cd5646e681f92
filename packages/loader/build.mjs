// Builds the loader as a minified classic script and puts the widget's hashed CDN chunks beside
// it, so the loader finds the widget at the same base URL as itself.
import { cp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { build } from 'esbuild'

const require = createRequire(import.meta.url)
const manifestPath = require.resolve('@portico/widget/cdn/manifest.json')
const manifest = JSON.parse(await readFile(manifestPath, 'utf8'))

await rm('dist', { recursive: true, force: true })
await cp(dirname(manifestPath), 'dist', { recursive: true })
await build({
  entryPoints: ['src/loader.ts'],
  outfile: 'dist/portico.js',
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  define: { __WIDGET_ENTRY__: JSON.stringify(manifest.entry) },
  logLevel: 'warning',
})
console.log(`loader built against widget entry ${manifest.entry}`)
