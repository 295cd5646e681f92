import { useState } from 'preact/hooks'
import { t } from '../i18n/index.js'

/** Copies a text to the clipboard and says so (politely, for screen readers). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  return (
    <span class="actions">
      <button type="button" onClick={copy}>
        {label}
      </button>
      <span role="status" aria-live="polite">
        {state === 'copied' ? t('embed.copied') : state === 'failed' ? t('embed.copyFailed') : ''}
      </span>
    </span>
  )
}
