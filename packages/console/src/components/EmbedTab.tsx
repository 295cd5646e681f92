import { useEffect, useState } from 'preact/hooks'
import { consoleConfig } from '../api/console-config.js'
import type { Portal } from '../api/endpoints.js'
import { t } from '../i18n/index.js'
import { entryPointButton, mountSnippet, originAllowed, scriptTag } from '../models/embed.js'
import { Snippet } from './Snippet.js'
import { TextField } from './TextField.js'

/** "Link and Code": the script tag, an entry-point button, the npm mount() call, origin check. */
export function EmbedTab({ portal }: { portal: Portal }) {
  const apiUrl = location.origin
  const [loaderPath, setLoaderPath] = useState<string | null>(null)
  const [pageOrigin, setPageOrigin] = useState('')
  useEffect(() => void consoleConfig().then((c) => setLoaderPath(c.loaderPath)), [])
  const loaderUrl = new URL(loaderPath ?? '/portico/portico.js', apiUrl).href
  const ctx = { loaderUrl, apiUrl, slug: portal.slug }
  const first = portal.processes[0]
  let origin = ''
  try {
    origin = pageOrigin ? new URL(pageOrigin).origin : ''
  } catch {
    origin = ''
  }

  return (
    <div class="stack">
      {!loaderPath && <p class="hint">{t('embed.loaderHint')}</p>}
      <Snippet
        id="embed-script"
        title={t('embed.script')}
        code={scriptTag(ctx)}
        copyLabel={t('embed.copyScript')}
      />
      <Snippet
        id="embed-entry"
        title={t('embed.entryPoint')}
        code={entryPointButton({
          ...(first ? { process: first.slug } : {}),
          tags: portal.tags,
          label: t('embed.entryLabel'),
        })}
        copyLabel={t('embed.copyEntry')}
      />
      <Snippet
        id="embed-npm"
        title={t('embed.npm')}
        code={mountSnippet(ctx)}
        copyLabel={t('embed.copyNpm')}
      />
      <section aria-labelledby="embed-origin">
        <h2 id="embed-origin">{t('embed.originTitle')}</h2>
        <TextField
          label={t('embed.pageUrl')}
          hint={t('embed.pageUrlHint')}
          type="url"
          value={pageOrigin}
          onInput={setPageOrigin}
        />
        {origin && !originAllowed(portal.allowedOrigins, origin) && (
          <p class="warning" role="alert">
            {t('embed.originWarning', { origin })}
          </p>
        )}
        {origin && originAllowed(portal.allowedOrigins, origin) && (
          <p class="notice">{t('embed.originOk', { origin })}</p>
        )}
      </section>
    </div>
  )
}
