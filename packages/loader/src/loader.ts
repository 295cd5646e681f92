// The classic script of the <script> tag. It must stay tiny (≤ 1 KB brotli) and never throw into
// the host page: every failure becomes one console message that says how to fix it. It checks
// only what it needs itself (portal, target, api); the widget checks the other attributes.
interface Queue {
  (...args: unknown[]): void
  q?: unknown[][]
}

interface WidgetModule {
  embed(init: { script: HTMLScriptElement; target: Element; api: string; config?: Promise<unknown> }): unknown
}

const report = (message: string) => console.error(`[portico] ${message}`)
const host = window as unknown as { portico?: Queue }

// The one global: a queue of commands until the widget replaces it by the real function. A
// function is ours (queue, real function, or the page's copy of the queue snippet); anything
// else is the page's own `portico`, left alone and said so once.
const prior = host.portico
const queue: Queue =
  typeof prior === 'function'
    ? prior
    : function portico(...args: unknown[]) {
        queue.q?.push(args)
      }
queue.q ||= []
if (prior && prior !== queue)
  report("window.portico is taken by this page, so portico() commands are off: rename the page's own")
if (!prior) {
  host.portico = queue
  // Entry points used (click, or Enter on an element that is not a button or link) before the
  // widget has taken over are queued as `open` commands; once the real function has replaced the
  // queue, the listeners remove themselves.
  const early = (event: Event) => {
    const entry = (event.target as Element).closest?.('[data-portico-open]')
    if (host.portico !== queue) {
      document.removeEventListener('click', early)
      document.removeEventListener('keydown', early)
    } else if (
      entry &&
      (event.type === 'click' ||
        ((event as KeyboardEvent).key === 'Enter' && !entry.closest('button,a[href],input,summary')))
    ) {
      event.preventDefault()
      queue('open', entry)
    }
  }
  document.addEventListener('click', early)
  document.addEventListener('keydown', early)
}

// Retries once: a second request often gets through a flaky network. A failed module import is
// remembered by the browser, so the retry asks for a distinct URL.
const twice = <T>(attempt: (retry: string) => Promise<T>) =>
  Promise.resolve('')
    .then(attempt)
    .catch(() => attempt('?retry'))

function start(script: HTMLScriptElement): void {
  const data = script.dataset
  const portal = data.portal
  if (!portal) {
    report('data-portal is missing on the script tag: add data-portal="your-portal-slug"')
    return
  }
  let target: Element | null = null
  if (data.target) {
    try {
      target = document.querySelector(data.target)
    } catch {}
    if (!target) {
      report(
        `data-target="${data.target}" matches no element: point it at an element of the page, e.g. data-target="#portal"`,
      )
      return
    }
  } else {
    target = document.createElement('div')
    script.after(target)
  }
  let api: string
  try {
    api = new URL(data.api || new URL(script.src).origin).href.replace(/\/$/, '')
  } catch {
    report(
      `data-api="${data.api}" is not a URL: use the address of your Portico API, e.g. data-api="https://api.example.com"`,
    )
    return
  }
  const url = new URL(__WIDGET_ENTRY__, script.src).href
  const into = target
  // The widget and the portal config load in parallel; a config answer that is not OK is left to
  // the widget, which says what is wrong in its own words.
  Promise.all([
    twice((retry) => import(url + retry) as Promise<WidgetModule>),
    twice(() => fetch(`${api}/v1/portals/${encodeURIComponent(portal)}`)),
  ])
    .then(([widget, response]) => {
      widget.embed({ script, target: into, api, ...(response.ok ? { config: response.json() } : {}) })
    })
    .catch(() => {
      report(
        `the portal could not be loaded from ${url} and ${api}: check that both are reachable and not blocked`,
      )
      const message = document.createElement('p')
      const link = document.createElement('a')
      link.href = location.href
      // In the page's language (<html lang>): French, else English.
      const fr = /^fr/.test(document.documentElement.lang)
      link.textContent = fr ? 'Recharger la page' : 'Reload the page'
      message.append(fr ? 'Espace client indisponible. ' : 'The client area could not be loaded. ', link)
      into.replaceChildren(message)
    })
}

const current = document.currentScript
if (current instanceof HTMLScriptElement && current.src) {
  // data-target may name an element below the script: wait for the document when it is still parsing.
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', () => start(current), { once: true })
  else start(current)
} else {
  report('load portico.js with a <script src="…/portico.js" data-portal="…"> tag, not inline or as a module')
}
