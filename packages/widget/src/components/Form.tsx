import type { ComponentChildren } from 'preact'

/**
 * A form that sends without reloading the host page and, when the answer leaves invalid fields,
 * moves focus to the first of them so keyboard and screen-reader users land on what to fix.
 */
export function Form({
  onSubmit,
  children,
}: {
  onSubmit: () => Promise<unknown>
  children: ComponentChildren
}) {
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const form = event.currentTarget
        void onSubmit().then(() => {
          // Wait for the messages to render before looking for the first invalid field.
          requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
        })
      }}
    >
      {children}
    </form>
  )
}
