import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { JSDOM, requestInterceptor, VirtualConsole } from 'jsdom'
import { describe, expect, it } from 'vitest'

const built = readFileSync(fileURLToPath(new URL('../dist/portico.js', import.meta.url)), 'utf8')

// Serves the built loader; any other request (the widget chunk) is answered 404.
const served = requestInterceptor((request: Request) =>
  request.url.endsWith('/portico.js')
    ? new Response(built, { headers: { 'content-type': 'text/javascript' } })
    : new Response('not found', { status: 404 }),
)

/** Loads a page with the built loader in jsdom and collects what it prints and throws. */
async function page(tag: string, body = '') {
  const errors: string[] = []
  const thrown: unknown[] = []
  const virtualConsole = new VirtualConsole()
  virtualConsole.on('error', (message: string) => errors.push(String(message)))
  virtualConsole.on('jsdomError', (error: Error) => thrown.push(error))
  const dom = new JSDOM(`<!doctype html><body>${body}${tag}</body>`, {
    url: 'https://shop.example/',
    runScripts: 'dangerously',
    resources: { interceptors: [served] },
    virtualConsole,
  })
  await new Promise((resolve) => dom.window.addEventListener('load', resolve))
  await new Promise((resolve) => setTimeout(resolve, 50))
  return { errors, thrown, dom }
}

describe('loader', () => {
  it('says how to fix a missing data-portal, without throwing', async () => {
    const { errors, thrown } = await page('<script src="https://cdn.example/portico.js"></script>')
    expect(errors).toEqual([
      '[portico] data-portal is missing on the script tag: add data-portal="your-portal-slug"',
    ])
    expect(thrown).toEqual([])
  })

  it('says how to fix a data-target that matches nothing', async () => {
    const { errors, thrown } = await page(
      '<script src="https://cdn.example/portico.js" data-portal="acme" data-target="#nope"></script>',
    )
    expect(errors).toEqual([
      '[portico] data-target="#nope" matches no element: point it at an element of the page, e.g. data-target="#portal"',
    ])
    expect(thrown).toEqual([])
  })

  it('reports a widget that cannot be loaded, and reserves its place right after the script', async () => {
    const { errors, thrown, dom } = await page(
      '<script id="tag" src="https://cdn.example/portico.js" data-portal="acme"></script>',
    )
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^\[portico\] the widget could not be loaded from https:\/\/cdn\.example\/widget-\w+\.js/,
    )
    expect(thrown).toEqual([])
    expect(dom.window.document.getElementById('tag')?.nextElementSibling?.tagName).toBe('DIV')
  })
})
