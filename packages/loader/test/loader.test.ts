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
async function page(tag: string, body = '', head = '', lang = '') {
  const errors: string[] = []
  const thrown: unknown[] = []
  const virtualConsole = new VirtualConsole()
  virtualConsole.on('error', (message: string) => errors.push(String(message)))
  virtualConsole.on('jsdomError', (error: Error) => thrown.push(error))
  const fetched: string[] = []
  const dom = new JSDOM(
    `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head>${head}</head><body>${body}${tag}</body>`,
    {
      url: 'https://shop.example/',
      runScripts: 'dangerously',
      resources: { interceptors: [served] },
      virtualConsole,
      // jsdom has no fetch: the API is unreachable, as behind an ad blocker.
      beforeParse(window) {
        Object.assign(window, {
          fetch: (url: string) => {
            fetched.push(url)
            return Promise.reject(new TypeError('Failed to fetch'))
          },
        })
      },
    },
  )
  await new Promise((resolve) => dom.window.addEventListener('load', resolve))
  await new Promise((resolve) => setTimeout(resolve, 50))
  return { errors, thrown, dom, fetched }
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

  it('says how to fix a data-api that is not a URL', async () => {
    const { errors, thrown } = await page(
      '<script src="https://cdn.example/portico.js" data-portal="acme" data-api="api.example"></script>',
    )
    expect(errors).toEqual([
      '[portico] data-api="api.example" is not a URL: use the address of your Portico API, e.g. data-api="https://api.example.com"',
    ])
    expect(thrown).toEqual([])
  })

  it('fetches the config from data-api, retries once, then leaves a message with a plain link and one console message', async () => {
    const { errors, thrown, dom, fetched } = await page(
      '<script id="tag" src="https://cdn.example/portico.js" data-portal="acme" data-api="https://api.example/"></script>',
    )
    expect(fetched).toEqual(['https://api.example/v1/portals/acme', 'https://api.example/v1/portals/acme'])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^\[portico\] the portal could not be loaded from https:\/\/cdn\.example\/widget-[\w-]+\.js and https:\/\/api\.example: check/,
    )
    expect(thrown).toEqual([])
    const placeholder = dom.window.document.getElementById('tag')?.nextElementSibling
    expect(placeholder?.textContent).toBe('The client area could not be loaded. Reload the page')
    expect(placeholder?.querySelector('a')?.href).toBe('https://shop.example/')
  })

  it('leaves its message in the page’s language', async () => {
    const { dom } = await page(
      '<script id="tag" src="https://cdn.example/portico.js" data-portal="acme" data-api="https://api.example/"></script>',
      '',
      '',
      'fr-CA',
    )
    const placeholder = dom.window.document.getElementById('tag')?.nextElementSibling
    expect(placeholder?.textContent).toBe('Espace client indisponible. Recharger la page')
  })

  it('defaults data-api to the origin of the script', async () => {
    const { fetched } = await page(
      '<script src="https://cdn.example/portico.js" data-portal="acme"></script>',
    )
    expect(fetched[0]).toBe('https://cdn.example/v1/portals/acme')
  })

  it('defines one global, portico, that queues commands until the widget arrives', async () => {
    const { dom } = await page(
      '<script src="https://cdn.example/portico.js" data-portal="acme"></script><script>portico("open", { process: "kyc" })</script>',
      '',
    )
    // fetch is the test's own stand-in for the browser's.
    const clean = new JSDOM('<!doctype html>', { runScripts: 'dangerously' })
    const added = Object.keys(dom.window).filter((key) => !(key in clean.window) && key !== 'fetch')
    expect(added).toEqual(['portico'])
    expect(dom.window.portico.q).toEqual([['open', { process: 'kyc' }]])
  })

  it('queues entry points clicked or entered before the widget has arrived', async () => {
    const { dom } = await page(
      '<script src="https://cdn.example/portico.js" data-portal="acme"></script>',
      '<a id="link" href="/elsewhere" data-portico-open>Open</a><div id="card" tabindex="0" data-portico-open>Card</div><button id="plain">Plain</button>',
    )
    const document = dom.window.document
    const click = new dom.window.MouseEvent('click', { bubbles: true, cancelable: true })
    document.getElementById('link')?.dispatchEvent(click)
    document.getElementById('plain')?.click()
    document
      .getElementById('card')
      ?.dispatchEvent(new dom.window.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    expect(click.defaultPrevented).toBe(true)
    expect(
      dom.window.portico.q.map(([command, element]: [string, Element]) => `${command} ${element.id}`),
    ).toEqual(['open link', 'open card'])
  })

  it('keeps a queue the page set up before the loader', async () => {
    const { dom } = await page(
      '<script src="https://cdn.example/portico.js" data-portal="acme"></script>',
      '',
      '<script>window.portico = window.portico || function () { (portico.q = portico.q || []).push(arguments) }; portico("close")</script>',
    )
    expect(Array.from(dom.window.portico.q, (args: ArrayLike<unknown>) => Array.from(args))).toEqual([
      ['close'],
    ])
  })

  it('leaves a portico object the page defined alone, and says so once', async () => {
    const { dom, errors, thrown } = await page(
      '<script src="https://cdn.example/portico.js" data-portal="acme" data-api="api.example"></script>',
      '',
      '<script>window.portico = { app: "host" }</script>',
    )
    expect(dom.window.portico).toEqual({ app: 'host' })
    expect(errors[0]).toBe(
      "[portico] window.portico is taken by this page, so portico() commands are off: rename the page's own",
    )
    expect(thrown).toEqual([])
  })
})
