// Imports the installed widget in Node, as a server-side render would: nothing may touch window.
const widget = await import('@portico/widget')
for (const name of ['mount', 'defineElement', 'embed']) {
  if (typeof widget[name] !== 'function') throw new Error(`[portico] @portico/widget exports no ${name}()`)
}
await widget.defineElement() // a no-op outside a browser
console.log(`[portico] @portico/widget imports in Node ${process.version} without a DOM`)
