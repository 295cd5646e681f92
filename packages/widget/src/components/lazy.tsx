import { signal } from '@preact/signals'
import type { ComponentType } from 'preact'
import { Loading } from './Loading.js'

/** A view whose code loads on first render, showing the loading state meanwhile. */
export function lazy(load: () => Promise<ComponentType>): ComponentType {
  const loaded = signal<ComponentType | null>(null)
  let started = false
  return function LazyView() {
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
    return View ? <View /> : <Loading />
  }
}
