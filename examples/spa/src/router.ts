import { useEffect, useState } from 'preact/hooks'

/** The app's base path (`/spa/`), from Vite's `base`. */
export const BASE = import.meta.env.BASE_URL

/** Goes to a path of the app without reloading the page. */
export function navigate(path: string): void {
  history.pushState(null, '', `${BASE}${path}`)
  dispatchEvent(new PopStateEvent('popstate'))
}

/** The current path below {@link BASE}, updated on navigation. */
export function usePath(): string {
  const read = () => location.pathname.slice(BASE.length)
  const [path, setPath] = useState(read)
  useEffect(() => {
    const update = () => setPath(read())
    addEventListener('popstate', update)
    return () => removeEventListener('popstate', update)
  }, [])
  return path
}
