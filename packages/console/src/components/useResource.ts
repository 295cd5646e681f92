import { useEffect, useMemo } from 'preact/hooks'
import { Resource } from '../models/Resource.js'

/** A {@link Resource} created once per component (and per `deps`), loaded on mount. */
export function useResource<T>(fetch: () => Promise<T>, deps: unknown[] = []): Resource<T> {
  const resource = useMemo(() => new Resource(fetch), deps)
  useEffect(() => void resource.load(), [resource])
  return resource
}
