import type { IdentitySecret } from '@portico/schema'
import { ti } from '../i18n/identity.js'
import { formatDate, t } from '../i18n/index.js'
import type { IdentityModel } from '../models/IdentityModel.js'
import { ConfirmButton } from './ConfirmButton.js'

/** One identity secret: its prefix and dates (never the secret), and rotate or revoke while it works. */
export function IdentitySecretRow({ secret: x, model }: { secret: IdentitySecret; model: IdentityModel }) {
  const { prefix, expiresAt, revokedAt } = x
  const revoke = t('settings.revoke', { name: `${prefix}…` })
  const works = !revokedAt && !(expiresAt && Date.parse(expiresAt) <= Date.now())
  return (
    <li>
      <code>{prefix}…</code> · {formatDate(x.createdAt)}
      {revokedAt
        ? ` · ${t('settings.revoked', { date: formatDate(revokedAt) })}`
        : expiresAt && ` · ${ti('until', { date: formatDate(expiresAt) })}`}{' '}
      {works && !expiresAt && (
        <ConfirmButton
          label={ti('rotate')}
          question={ti('rotateQuestion', { prefix })}
          confirmLabel={ti('rotate')}
          onConfirm={() => void model.rotate(x.id)}
        />
      )}{' '}
      {works && (
        <ConfirmButton
          label={revoke}
          question={ti('revokeQuestion', { prefix })}
          confirmLabel={revoke}
          onConfirm={() => void model.revoke(x.id)}
        />
      )}
    </li>
  )
}
