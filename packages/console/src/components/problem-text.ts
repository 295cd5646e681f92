import { isHttpError, isNetworkError } from '../api/errors.js'
import { t } from '../i18n/index.js'

/** The sentence a staff user reads for a failed request. */
export function problemText(error: unknown): string {
  if (isNetworkError(error)) return t('error.network')
  if (isHttpError(error)) {
    if (error.status === 403) return error.problem.detail ?? t('error.forbidden')
    if (error.status === 404) return t('error.notFound')
    if (error.status >= 500) return t('error.server')
    return error.problem.detail ?? error.problem.title
  }
  return t('error.unexpected')
}
