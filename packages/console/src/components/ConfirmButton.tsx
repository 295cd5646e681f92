import type { ComponentChildren } from 'preact'
import { useRef } from 'preact/hooks'
import { t } from '../i18n/index.js'

/**
 * A button that asks before a destructive action, in a modal `<dialog>`: it traps focus, Escape
 * cancels, and focus returns to the button when it closes.
 */
export function ConfirmButton(props: {
  label: string
  question: string
  confirmLabel: string
  onConfirm: () => void
  children?: ComponentChildren
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  return (
    <>
      <button type="button" class="danger" onClick={() => dialog.current?.showModal()}>
        {props.label}
      </button>
      <dialog ref={dialog} aria-label={props.label}>
        <p>{props.question}</p>
        {props.children}
        <div class="actions">
          <button
            type="button"
            class="primary"
            onClick={() => {
              dialog.current?.close()
              props.onConfirm()
            }}
          >
            {props.confirmLabel}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
        </div>
      </dialog>
    </>
  )
}
