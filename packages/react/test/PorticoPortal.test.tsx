import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type DemoSeed,
  migrateToLatest,
  openDatabase,
  type RunningServer,
  seedDemo,
  startServer,
} from '@portico/api'
import type { PorticoHandle } from '@portico/widget'
import { act, createRef } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PorticoPortal } from '../src/index.js'

// React's act() warns unless the environment says it is a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let api: RunningServer
let seed: DemoSeed

beforeAll(async () => {
  const databaseUrl = join(await mkdtemp(join(tmpdir(), 'portico-react-')), 'portico.sqlite')
  const db = await openDatabase(databaseUrl)
  await migrateToLatest(db.kysely as never)
  seed = await seedDemo(db.kysely)
  await db.close()
  api = await startServer({ databaseUrl, port: 0, mail: false })
})

afterAll(async () => {
  await api?.close()
})

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 25)))
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}

describe('<PorticoPortal>', () => {
  it('mounts the widget, calls onReady with the portal, hands out the handle and destroys it on unmount', async () => {
    const container = document.createElement('div')
    document.body.append(container)
    const ready: string[] = []
    const handle = createRef<PorticoHandle | null>()
    let root: Root | undefined
    await act(() => {
      root = createRoot(container)
      root.render(
        <PorticoPortal
          portal={seed.portals.multi}
          api={api.url}
          className="client-area"
          handleRef={handle}
          onReady={({ portal }) => ready.push(portal)}
        />,
      )
    })
    const wrapper = container.querySelector('div.client-area')
    expect(wrapper?.querySelector('portico-root')?.shadowRoot).toBeTruthy()
    await until(() => ready.length > 0, 'the ready event')
    expect(ready).toEqual([seed.portals.multi])
    expect(handle.current?.host.tagName).toBe('PORTICO-ROOT')
    await act(() => root?.unmount())
    expect(container.querySelector('portico-root')).toBeNull()
    expect(handle.current).toBeNull()
  })

  it('remounts on a new portal and keeps one widget in the page', async () => {
    const container = document.createElement('div')
    document.body.append(container)
    const root = createRoot(container)
    await act(() => root.render(<PorticoPortal portal={seed.portals.multi} api={api.url} />))
    await act(() => root.render(<PorticoPortal portal={seed.portals.single} api={api.url} />))
    expect(container.querySelectorAll('portico-root')).toHaveLength(1)
    await act(() => root.unmount())
  })
})
