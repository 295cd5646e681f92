import { useMemo, useState } from 'preact/hooks'
import type { Portal, Process, Profile } from '../api/endpoints.js'
import { ArchiveControl } from '../components/ArchiveControl.js'
import { useConsole } from '../components/context.js'
import { EmbedTab } from '../components/EmbedTab.js'
import { IdentityTab } from '../components/IdentityTab.js'
import { Link } from '../components/Link.js'
import { PortalSettingsForm } from '../components/PortalSettingsForm.js'
import { PreviewTab } from '../components/PreviewTab.js'
import { ResourceView } from '../components/ResourceView.js'
import { useResource } from '../components/useResource.js'
import { localized, t } from '../i18n/index.js'
import { FormModel } from '../models/FormModel.js'
import { draftOf, emptyDraft, inputOf } from '../models/PortalEditorModel.js'
import { PORTAL_TABS, type Route, type PortalTab as Tab } from '../models/routes.js'

function Tabs({ id, tab }: { id: string; tab: Tab }) {
  // Only admins may read a portal's identity secrets.
  const admin = useConsole().session.can('admin')
  const tabs = PORTAL_TABS.filter((name) => admin || name !== 'sign-in')
  return (
    <nav class="tabs" aria-label={t('portal.tabs')}>
      {tabs.map((name) => (
        <Link
          key={name}
          to={{ name: 'portal', id, tab: name }}
          aria-current={tab === name ? 'page' : undefined}
        >
          {t(`portal.tab.${name}`)}
        </Link>
      ))}
    </nav>
  )
}

function Editor(props: { portal: Portal | null; processes: Process[]; profiles: Profile[]; tab: Tab }) {
  const { client, router, session } = useConsole()
  const [portal, setPortal] = useState(props.portal)
  const form = useMemo(() => new FormModel(portal ? draftOf(portal) : emptyDraft()), [])
  const [saved, setSaved] = useState(false)

  const save = async () => {
    setSaved(false)
    const body = inputOf(form.values.value)
    const answer = await form.submit(() =>
      portal
        ? client.call('PATCH /v1/admin/portals/{id}', { params: { id: portal.id }, body })
        : client.call('POST /v1/admin/portals', { body }),
    )
    if (!answer) return
    setPortal(answer)
    setSaved(true)
    if (!portal) router.go({ name: 'portal', id: answer.id, tab: 'embed' }, { replace: true })
  }

  return (
    <>
      <h1 id="portal-title">{portal ? localized(portal.name) : t('portals.new')}</h1>
      {portal && session.can('admin') && props.tab === 'settings' && (
        <ArchiveControl
          archivedAt={portal.archivedAt}
          question={t('archive.portalQuestion')}
          change={async (archived) => {
            const answer = await client.call('PATCH /v1/admin/portals/{id}', {
              params: { id: portal.id },
              body: { archived },
            })
            setPortal(answer)
            return answer.archivedAt
          }}
        />
      )}
      {portal && <Tabs id={portal.id} tab={props.tab} />}
      {saved && props.tab === 'settings' && (
        <p class="notice" role="status">
          {t('common.saved')}
        </p>
      )}
      {props.tab === 'settings' || !portal ? (
        <PortalSettingsForm
          form={form}
          processes={props.processes}
          profiles={props.profiles}
          submitLabel={portal ? t('common.save') : t('portals.create')}
          onSubmit={save}
        />
      ) : props.tab === 'sign-in' ? (
        <IdentityTab portal={portal} />
      ) : props.tab === 'preview' ? (
        <PreviewTab portal={portal} accent={form.values.value.accent} />
      ) : (
        <EmbedTab portal={portal} />
      )}
    </>
  )
}

/** A portal: settings, a live preview of the real widget, and the embed code. */
export default function PortalView({ route }: { route: Route }) {
  const { client } = useConsole()
  const id = route.name === 'portal' ? route.id : ''
  const tab = route.name === 'portal' ? route.tab : 'settings'
  const data = useResource(async () => {
    const [portal, processes, profiles] = await Promise.all([
      id === 'new' ? null : client.call('GET /v1/admin/portals/{id}', { params: { id } }),
      client.call('GET /v1/admin/processes'),
      client.call('GET /v1/admin/profiles'),
    ])
    return { portal, processes: processes.items, profiles: profiles.items }
  }, [id])
  return (
    <section aria-labelledby="portal-title">
      <p>
        <Link to={{ name: 'portals' }}>{t('portals.back')}</Link>
      </p>
      <ResourceView resource={data}>{(d) => <Editor {...d} tab={tab} />}</ResourceView>
    </section>
  )
}
