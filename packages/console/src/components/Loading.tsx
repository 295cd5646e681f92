/** A loading state: announced politely to screen readers, shown as a quiet line. */
export function Loading({ label }: { label: string }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {label}
    </p>
  )
}
