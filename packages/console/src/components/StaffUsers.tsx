import { useMemo, useState } from 'preact/hooks'
import type { Role } from '../api/endpoints.js'
import { t } from '../i18n/index.js'
import { FormModel } from '../models/FormModel.js'
import { useConsole } from './context.js'
import { Empty } from './Empty.js'
import { FormFailure } from './FormFailure.js'
import { ResourceView } from './ResourceView.js'
import { SelectField } from './SelectField.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'
import { useResource } from './useResource.js'

const ROLES: Role[] = ['owner', 'admin', 'agent', 'viewer']

/** Staff users with their roles; admins invite new ones and change roles. */
export function StaffUsers() {
  const { client, session } = useConsole()
  const list = useResource(async () => (await client.call('GET /v1/admin/staff')).items)
  const form = useMemo(() => new FormModel({ email: '', name: '', role: 'agent' as Role }), [])
  const [sent, setSent] = useState('')
  const [error, setError] = useState<unknown>(null)
  const canManage = session.can('admin')
  const invite = async (event: Event) => {
    event.preventDefault()
    const ok = await form.submit((v) =>
      client.call('POST /v1/admin/staff/invitations', { body: v }).then(() => true),
    )
    if (ok) {
      setSent(form.values.value.email)
      form.values.value = { email: '', name: '', role: form.values.value.role }
      void list.load()
    }
  }
  const setRole = (id: string, role: Role) =>
    client
      .call('PATCH /v1/admin/staff/{id}', { params: { id }, body: { role } })
      .then(() => list.load())
      .catch(setError)
  return (
    <section aria-labelledby="staff-title">
      <h2 id="staff-title">{t('settings.staff')}</h2>
      <ResourceView resource={list}>
        {(items) =>
          items.length ? (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('common.name')}</th>
                    <th scope="col">{t('common.email')}</th>
                    <th scope="col">{t('settings.role')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((s) => (
                    <tr key={s.id}>
                      <td>{s.name}</td>
                      <td>{s.email}</td>
                      <td>
                        {canManage && s.id !== session.staff.value?.id ? (
                          <SelectField
                            label={t('settings.roleOf', { name: s.name })}
                            value={s.role}
                            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                            onChange={(r) => void setRole(s.id, r as Role)}
                          />
                        ) : (
                          t(`role.${s.role}`)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <Empty>{t('settings.noStaff')}</Empty>
          )
        }
      </ResourceView>
      <FormFailure error={error} />
      {canManage && (
        <form class="card" onSubmit={invite} noValidate aria-labelledby="invite-staff-title">
          <h3 id="invite-staff-title">{t('settings.invite')}</h3>
          <TextField
            label={t('common.email')}
            type="email"
            value={form.values.value.email}
            error={form.errors.value.email}
            onInput={(x) => form.set('email', x)}
          />
          <TextField
            label={t('common.name')}
            value={form.values.value.name}
            error={form.errors.value.name}
            onInput={(x) => form.set('name', x)}
          />
          <SelectField
            label={t('settings.role')}
            value={form.values.value.role}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            onChange={(x) => form.set('role', x as Role)}
          />
          <FormFailure error={form.failure.value} />
          {sent && (
            <p class="notice" role="status">
              {t('settings.invited', { email: sent })}
            </p>
          )}
          <SubmitButton sending={form.sending.value}>{t('settings.sendInvite')}</SubmitButton>
        </form>
      )}
    </section>
  )
}
