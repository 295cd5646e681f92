import type { ComponentChildren } from 'preact'
import { failureMessage } from '../models/errors.js'
import type { Resource } from '../models/Resource.js'
import { useWidget } from './context.js'
import { Loading } from './Loading.js'

/** Shows a resource's loading and error states (with retry), and its content once loaded. */
export function ResourceView<T>({
  resource,
  children,
}: {
  resource: Resource<T>
  children: (data: T) => ComponentChildren
}) {
  const { t } = useWidget()
  const data = resource.data.value
  const failure = resource.failure.value
  if (resource.status.value === 'error' && failure) {
    return (
      <div class="problem" role="alert" part="error">
        <p>{t(failureMessage(failure))}</p>
        <button type="button" class="button secondary" part="button" onClick={() => void resource.load()}>
          {t('retry')}
        </button>
      </div>
    )
  }
  return data === undefined ? <Loading /> : children(data)
}
