/** What the Embed tab needs to write its snippets. */
export interface EmbedContext {
  /** Where the loader script is served, absolute (`https://cdn.example/portico/portico.js`). */
  loaderUrl: string
  /** The API's base URL, absolute. */
  apiUrl: string
  /** The portal's slug. */
  slug: string
}

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** The `<script>` tag a website owner pastes, with the portal's data attributes. */
export function scriptTag(
  ctx: EmbedContext,
  options: { tags?: string[]; locale?: string; mode?: string } = {},
): string {
  const attrs = [
    `src="${attr(ctx.loaderUrl)}"`,
    `data-portal="${attr(ctx.slug)}"`,
    `data-api="${attr(ctx.apiUrl)}"`,
  ]
  if (options.mode && options.mode !== 'inline') attrs.push(`data-mode="${attr(options.mode)}"`)
  if (options.tags?.length) attrs.push(`data-tags="${attr(options.tags.join(','))}"`)
  if (options.locale) attrs.push(`data-locale="${attr(options.locale)}"`)
  return `<script ${attrs.join(' ')} async></script>`
}

/** An entry-point button for a landing page: opens the portal on `process`, stamping `tags`. */
export function entryPointButton(options: {
  process?: string
  tags?: string[]
  label: string
  name?: string
}): string {
  const attrs = [`data-portico-open${options.name ? `="${attr(options.name)}"` : ''}`]
  if (options.process) attrs.push(`data-portico-process="${attr(options.process)}"`)
  if (options.tags?.length) attrs.push(`data-portico-tags="${attr(options.tags.join(','))}"`)
  return `<button type="button" ${attrs.join(' ')}>${attr(options.label)}</button>`
}

/** The `mount()` call of an SPA using the npm package. */
export function mountSnippet(ctx: Pick<EmbedContext, 'apiUrl' | 'slug'>): string {
  return [
    "import { mount } from '@portico/widget'",
    '',
    "const portal = mount(document.querySelector('#portal')!, {",
    `  portal: ${JSON.stringify(ctx.slug)},`,
    `  api: ${JSON.stringify(ctx.apiUrl)},`,
    '})',
    '// On route change: portal.destroy()',
  ].join('\n')
}

/** Whether `origin` is among a portal's allowed origins (`:*` allows any port), as the API decides. */
export function originAllowed(allowed: readonly string[], origin: string): boolean {
  const lower = origin.toLowerCase()
  return allowed.some((pattern) => {
    const p = pattern.toLowerCase()
    if (p === lower) return true
    if (!p.endsWith(':*')) return false
    const base = p.slice(0, -2)
    if (lower === base) return true
    return lower.startsWith(`${base}:`) && /^\d{1,5}$/.test(lower.slice(base.length + 1))
  })
}

/** Splits a comma- or line-separated list typed by staff into trimmed, non-empty, unique items. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ]
}
