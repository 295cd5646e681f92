import type { UserMessage } from '../models/errors.js'
import { useWidget } from './context.js'

/** The text of a user message: the catalogue's for a key, the API's own words otherwise. */
export function useMessage(): (message: UserMessage | null) => string {
  const { t } = useWidget()
  return (message) => (message ? ('key' in message ? t(message.key, message.params) : message.text) : '')
}

/** A region that announces its message to screen readers when it changes (aria-live). */
export function LiveMessage({
  message,
  tone = 'error',
}: {
  message: UserMessage | null
  tone?: 'error' | 'info'
}) {
  const text = useMessage()(message)
  return (
    <p
      class={tone === 'error' ? 'form-message' : 'notice'}
      role={tone === 'error' ? 'alert' : 'status'}
      part={tone}
    >
      {text}
    </p>
  )
}
