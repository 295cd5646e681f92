// Builds the widget twice: an ESM library for npm users and content-hashed, minified chunks for the
// CDN that the loader imports. Both are split the same way: the first view in the entry, other views
// in chunks loaded on demand. The npm build keeps private copies of preact and @preact/signals, so a
// host app on another Preact (10, or 11 with its own signals) never shares hooks with the widget;
// ky and @portico/schema stay imports.
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { build } from 'esbuild'

const shared = {
  entryPoints: { index: 'src/index.ts' },
  bundle: true,
  format: 'esm',
  target: 'es2020',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  conditions: ['@portico/source'],
  logLevel: 'warning',
}

await rm('dist', { recursive: true, force: true })
await build({
  ...shared,
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  minify: true,
  external: ['ky', '@portico/schema'],
  // Maps carry their sources (sourcesContent), since src/ is not published.
  sourcemap: true,
  legalComments: 'linked',
})

const cdn = await build({
  ...shared,
  entryPoints: { widget: 'src/index.ts' },
  outdir: 'dist/cdn',
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  splitting: true,
  minify: true,
  metafile: true,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
})
const entry = Object.entries(cdn.metafile.outputs).find(([, output]) => output.entryPoint === 'src/index.ts')
if (!entry) throw new Error('widget entry missing from the CDN build')
// The files the first view needs: the entry and every chunk it imports statically, transitively.
const initial = new Set()
const visit = (file) => {
  if (initial.has(file)) return
  initial.add(file)
  for (const imported of cdn.metafile.outputs[file].imports)
    if (imported.kind === 'import-statement') visit(imported.path)
}
visit(entry[0])
await mkdir('dist/cdn', { recursive: true })
const manifest = { entry: basename(entry[0]), initial: [...initial].map((file) => basename(file)) }
await writeFile('dist/cdn/manifest.json', `${JSON.stringify(manifest, null, 2)}\n`)
console.log(`widget CDN entry: ${basename(entry[0])}`)
