/** A short, readable reference for an application when the API gives none: the id's first characters. */
export function shortRef(item: { id: string; reference?: string | null | undefined }): string {
  return item.reference ?? `#${item.id.replace(/-/g, '').slice(0, 8).toUpperCase()}`
}
