import { type MountOptions, mount, type PorticoHandle } from '@portico/widget'
import { type CSSProperties, type Ref, useEffect, useImperativeHandle, useRef, useState } from 'react'
import { EVENT_PROPS, type PorticoEventProps } from './events.js'

/** Props of {@link PorticoPortal}: the widget's mount options, its events as `on…` props, and the wrapper's class and style. */
export interface PorticoPortalProps extends Omit<MountOptions, 'config'>, PorticoEventProps {
  /** Class of the element the portal mounts into. */
  className?: string
  /** Style of the element the portal mounts into. */
  style?: CSSProperties
  /** Receives the mounted portal's handle (`open()`, `close()`, `on()`), or `null` once unmounted. */
  handleRef?: Ref<PorticoHandle | null>
}

/**
 * Mounts a Portico portal for as long as the component is rendered; changing `portal`, `api`,
 * `mode`, `locale` or `process` mounts it afresh, other props apply to the next mount.
 * @example <PorticoPortal portal="acme-onboarding" api="https://api.example.com" onLogin={({ email }) => …} />
 */
export function PorticoPortal(props: PorticoPortalProps) {
  const target = useRef<HTMLDivElement>(null)
  const [handle, setHandle] = useState<PorticoHandle | null>(null)
  // Listeners read the latest props, so a new callback on each render does not remount the widget.
  const latest = useRef(props)
  latest.current = props
  useImperativeHandle<PorticoHandle | null, PorticoHandle | null>(props.handleRef, () => handle, [handle])

  const { portal, api, mode, locale, process } = props
  useEffect(() => {
    if (!target.current) return
    const options: Record<string, unknown> = { ...latest.current, portal, api, mode, locale, process }
    for (const prop of ['className', 'style', 'handleRef', ...Object.keys(EVENT_PROPS)]) delete options[prop]
    for (const key of Object.keys(options)) if (options[key] === undefined) delete options[key]
    const mounted = mount(target.current, options as unknown as MountOptions)
    for (const [prop, event] of Object.entries(EVENT_PROPS)) {
      mounted.on(event, (payload) => {
        const listener = latest.current[prop as keyof typeof EVENT_PROPS] as
          | ((p: unknown) => void)
          | undefined
        listener?.(payload)
      })
    }
    setHandle(mounted)
    return () => {
      mounted.destroy()
      setHandle(null)
    }
  }, [portal, api, mode, locale, process])

  return <div ref={target} className={props.className} style={props.style} />
}
