// The classic script of the <script> tag. It must stay tiny (≤ 1 KB brotli) and never throw into
// the host page: every failure becomes one console message that says how to fix it.
interface WidgetModule {
  mount(target: Element, options: Record<string, string>): unknown
}

const report = (message: string) => console.error(`[portico] ${message}`)

function start(script: HTMLScriptElement): void {
  const data = script.dataset
  if (!data.portal) {
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
  const options: Record<string, string> = { portal: data.portal, api: data.api || new URL(script.src).origin }
  if (data.locale) options.locale = data.locale
  if (data.process) options.process = data.process
  const url = new URL(__WIDGET_ENTRY__, script.src).href
  const mountInto = target
  import(url).then(
    (widget: WidgetModule) => widget.mount(mountInto, options),
    () => report(`the widget could not be loaded from ${url}: check that the file is served and not blocked`),
  )
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
