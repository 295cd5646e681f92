import { en } from './en.js'
import { fr } from './fr.js'
import { type MailCatalogue, type MailTemplateName, REQUIRED_DATA } from './types.js'

export { MAIL_TEMPLATES, type MailTemplateName } from './types.js'

const CATALOGUES: Record<string, MailCatalogue> = { en, fr }

/** A mail ready to send. */
export interface RenderedMail {
  /** The language actually used: `fr` or `en`. */
  locale: string
  subject: string
  text: string
  html: string
}

/** The supported language of a locale tag (`fr-CA` → `fr`), falling back to English. */
export function mailLanguage(locale: string): string {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? ''
  return language in CATALOGUES ? language : 'en'
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch)
}

/**
 * Renders a template in the language of `locale` into subject, plain text and escaped HTML.
 * @example renderMail('password-reset', 'fr-FR', { name: 'Ada', link: 'https://…' })
 */
export function renderMail(
  template: MailTemplateName,
  locale: string,
  data: Readonly<Record<string, string>>,
): RenderedMail {
  const missing = REQUIRED_DATA[template].filter((key) => !data[key])
  if (missing.length) {
    throw new Error(`[portico] mail template "${template}" needs data.${missing.join(', data.')}`)
  }
  if (data.link !== undefined && !/^https?:\/\//i.test(data.link)) {
    throw new Error(`[portico] mail template "${template}" needs an http(s) data.link, got "${data.link}"`)
  }
  const language = mailLanguage(locale)
  const content = (CATALOGUES[language] ?? en)[template](data)
  const text = [
    ...content.paragraphs,
    // French puts a narrow no-break space before a colon.
    ...(content.action
      ? [`${content.action.label}${language === 'fr' ? '\u202f' : ''}: ${content.action.url}`]
      : []),
  ]
  const html = [
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(content.action
      ? [`<p><a href="${escapeHtml(content.action.url)}">${escapeHtml(content.action.label)}</a></p>`]
      : []),
  ]
  return {
    locale: language,
    subject: content.subject,
    text: `${text.join('\n\n')}\n`,
    html: `<!doctype html><html lang="${language}"><body>${html.join('')}</body></html>`,
  }
}
