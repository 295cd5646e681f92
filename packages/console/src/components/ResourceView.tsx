import type { ComponentChildren } from 'preact'
import { t } from '../i18n/index.js'
import type { Resource } from '../models/Resource.js'
import { ErrorState } from './ErrorState.js'
import { Loading } from './Loading.js'

/** Loading, error or the content of a resource. */
export function ResourceView<T>({
  resource,
  children,
}: {
  resource: Resource<T>
  children: (data: T) => ComponentChildren
}) {
  const data = resource.data.value
  if (resource.status.value === 'error' && data === undefined)
    return <ErrorState error={resource.error.value} retry={() => void resource.load()} />
  if (data === undefined) return <Loading label={t('common.loading')} />
  return <>{children(data)}</>
}
