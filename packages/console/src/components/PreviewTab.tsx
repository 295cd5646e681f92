import { useEffect, useState } from 'preact/hooks'
import { consoleConfig } from '../api/console-config.js'
import type { Portal } from '../api/endpoints.js'
import { locale, localized, t } from '../i18n/index.js'
import { Loading } from './Loading.js'

/**
 * The real widget, loaded through the loader in a frame the way any host page loads it. The frame
 * shows the saved portal; the accent being edited is passed as `data-theme-accent`.
 */
export function PreviewTab({ portal, accent }: { portal: Portal; accent: string }) {
  const [loaderPath, setLoaderPath] = useState<string | null | undefined>(undefined)
  const [reload, setReload] = useState(0)
  useEffect(() => void consoleConfig().then((c) => setLoaderPath(c.loaderPath)), [])
  if (loaderPath === undefined) return <Loading label={t('common.loading')} />
  if (!loaderPath) return <p class="hint">{t('embed.loaderHint')}</p>
  const query = new URLSearchParams({
    portal: portal.slug,
    loader: loaderPath,
    locale: locale.value,
    n: String(reload),
  })
  if (accent) query.set('accent', accent)
  return (
    <div class="stack">
      <p class="hint">{t('preview.hint')}</p>
      <button type="button" onClick={() => setReload((n) => n + 1)}>
        {t('preview.reload')}
      </button>
      <iframe
        class="preview-frame"
        title={t('preview.frameTitle', { name: localized(portal.name) })}
        src={`/console/preview.html?${query}`}
      />
    </div>
  )
}
