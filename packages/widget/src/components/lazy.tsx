import { signal } from '@preact/signals'
import type { ComponentType } from 'preact'
import { Loading } from './Loading.js'

/**
 * A view whose code loads on first render, showing the loading state meanwhile; a `quiet` part of
 * a view (a few buttons under a form) shows nothing until it is in.
 */
// biome-ignore lint/suspicious/noExplicitAny: views take any props
export function lazy<P extends Record<string, any>>(
  load: () => Promise<ComponentType<P>>,
  quiet?: boolean,
): ComponentType<P> {
  const loaded = signal<ComponentType<P> | null>(null)
  let started = false
  return function LazyView(props: P) {
    if (!started) {
      started = true
      load().then(
        (component) => {
          loaded.value = component
        },
        () => {
          // Let the next render try again (the chunk may have failed to download).
          started = false
        },
      )
    }
    const View = loaded.value
    return View ? <View {...props} /> : quiet ? null : <Loading />
  }
}
