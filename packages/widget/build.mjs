// Builds the widget twice: an ESM library for npm users and content-hashed, minified chunks for the
// CDN that the loader imports. Both load other views on demand. The npm build keeps private copies
// of preact and @preact/signals, so a host app on another Preact (10, or 11 with its own signals)
// never shares hooks with the widget; ky and @portico/schema stay imports. The CDN build keeps the
// whole first view in its entry (see below).
import { rm, writeFile } from 'node:fs/promises'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import { build, transform } from 'esbuild'
import { rollup } from 'rollup'

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

// The CDN build goes through Rollup: esbuild's code splitting gives every set of modules shared
// between the entry and a lazy view a chunk of its own (14 files before the first view could
// render), while Rollup keeps all the first view needs in the entry and lets lazy views import
// from it. The first view is then one file, fetched beside the portal config (issue 13).
const typescript = {
  name: 'esbuild-transform',
  async resolveId(source, importer) {
    // Sources import `./x.js` for `./x.ts(x)`, as TypeScript's NodeNext resolution wants.
    if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null
    for (const extension of ['.ts', '.tsx']) {
      const resolved = await this.resolve(source.replace(/\.js$/, extension), importer, { skipSelf: true })
      if (resolved) return resolved
    }
    return null
  },
  async transform(code, id) {
    if (!/\.tsx?$/.test(id)) return null
    const result = await transform(code, {
      loader: id.endsWith('x') ? 'tsx' : 'ts',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      target: 'es2020',
      sourcefile: id,
    })
    return { code: result.code, map: null }
  },
  async renderChunk(code) {
    const result = await transform(code, {
      minify: true,
      format: 'esm',
      target: 'es2020',
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"' },
    })
    return { code: result.code, map: null }
  },
}
const bundle = await rollup({
  input: { widget: 'src/index.ts' },
  // Lazy chunks may import what they share with the first view from the entry itself.
  preserveEntrySignatures: 'allow-extension',
  plugins: [
    nodeResolve({
      exportConditions: ['@portico/source', 'import', 'default'],
      extensions: ['.ts', '.tsx', '.js'],
    }),
    typescript,
  ],
  onwarn(warning, warn) {
    if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning)
  },
})
const { output } = await bundle.write({
  dir: 'dist/cdn',
  format: 'es',
  entryFileNames: '[name]-[hash].js',
  chunkFileNames: 'chunk-[hash].js',
})
await bundle.close()
const entry = output.find((file) => file.type === 'chunk' && file.isEntry)
if (!entry) throw new Error('widget entry missing from the CDN build')
// The files the first view needs: the entry and every chunk it imports statically, transitively.
const chunks = new Map(output.filter((file) => file.type === 'chunk').map((file) => [file.fileName, file]))
const initial = new Set()
const visit = (file) => {
  if (initial.has(file)) return
  initial.add(file)
  for (const imported of chunks.get(file)?.imports ?? []) visit(imported)
}
visit(entry.fileName)
const manifest = { entry: entry.fileName, initial: [...initial] }
await writeFile('dist/cdn/manifest.json', `${JSON.stringify(manifest, null, 2)}\n`)
console.log(
  `widget CDN entry: ${entry.fileName} (first view in ${initial.size} file${initial.size > 1 ? 's' : ''})`,
)
