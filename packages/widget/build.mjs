// Builds the widget twice: an ESM library for npm users and content-hashed, minified chunks for the
// CDN that the loader imports. Both load other views on demand. The npm build keeps private copies
// of preact and @preact/signals, so a host app on another Preact (10, or 11 with its own signals)
// never shares hooks with the widget; @portico/schema stays an import. The CDN build keeps the
// whole first view in its entry (see below).
import { rm, writeFile } from 'node:fs/promises'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import { transform } from 'esbuild'
import { rollup } from 'rollup'
import { minify } from 'terser'

await rm('dist', { recursive: true, force: true })

// Both builds go through Rollup: esbuild's code splitting gives every set of modules shared
// between the entry and a lazy view a chunk of its own (14 files before the first view could
// render, each with its own compression overhead), while Rollup keeps all the first view needs in
// the entry and lets lazy views import from it. The first view is then one file, fetched beside
// the portal config (issue 13).
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
    code = await minifyStylesheets(code)
    const result = await transform(code, {
      loader: id.endsWith('x') ? 'tsx' : 'ts',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      target: 'es2022',
      sourcefile: id,
      sourcemap: true,
    })
    return { code: result.code, map: result.map }
  },
  async renderChunk(code) {
    // esbuild settles `process.env.NODE_ENV` and minifies; terser then compresses in several
    // passes, which takes a further 1.7 % off the brotli size of every view (issue 11's passkeys
    // fit the 45 KB budget thanks to it). Both write source maps; terser continues esbuild's.
    const esbuilt = await transform(code, {
      minify: true,
      format: 'esm',
      target: 'es2022',
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"' },
      sourcemap: true,
    })
    const result = await minify(esbuilt.code, {
      module: true,
      ecma: 2022,
      compress: { passes: 3 },
      format: { comments: false },
      sourceMap: { content: esbuilt.map, asObject: true },
    })
    return { code: result.code, map: result.map }
  },
}
// Stylesheets are written as `const css = \`…\`` (no interpolation); esbuild's CSS minifier
// shortens them further (about 0.1 kB brotli over all views).
async function minifyStylesheets(code) {
  const sheets = [...code.matchAll(/const css = `([^`$\\]*)`/g)]
  for (const [whole, sheet] of sheets) {
    const minified = await transform(sheet, { loader: 'css', minify: true })
    code = code.replace(whole, `const css = ${JSON.stringify(minified.code.trim())}`)
  }
  return code
}
const resolve = nodeResolve({
  exportConditions: ['@portico/source', 'import', 'default'],
  extensions: ['.ts', '.tsx', '.js'],
})
const onwarn = (warning, warn) => {
  if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning)
}

// The npm build: private copies of preact and @preact/signals; @portico/schema stays an import
// the host app bundles. Maps carry their sources (sourcesContent), since src/ is not published.
const npm = await rollup({
  input: { index: 'src/index.ts' },
  external: (id) => /^@portico\/schema(\/|$)/.test(id),
  // Public exports only: the first view goes into one chunk that the entry re-exports from.
  preserveEntrySignatures: 'strict',
  plugins: [resolve, typescript],
  onwarn,
})
await npm.write({
  dir: 'dist',
  format: 'es',
  entryFileNames: '[name].js',
  chunkFileNames: 'chunks/[name]-[hash].js',
  sourcemap: true,
})
await npm.close()

const bundle = await rollup({
  input: { widget: 'src/index.ts' },
  // Lazy chunks may import what they share with the first view from the entry itself.
  preserveEntrySignatures: 'allow-extension',
  plugins: [resolve, typescript],
  onwarn,
})
const { output } = await bundle.write({
  dir: 'dist/cdn',
  format: 'es',
  // Six hash characters (36 bits) name a release's files apart; every chunk names the entry it
  // imports from, so two characters fewer per name take about 0.1 kB off every view.
  entryFileNames: '[name]-[hash:6].js',
  chunkFileNames: 'chunk-[hash:6].js',
  generatedCode: 'es2015',
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
