import { httpError, transportError } from './errors.js'

/**
 * Uploads one file as multipart form data with XMLHttpRequest, the one browser API that reports
 * upload progress. Fields: `file`, and `field` when the file answers a form field.
 */
export function upload<T>(
  url: string,
  file: File,
  field: string | null,
  token: string | null,
  onProgress: (ratio: number) => void,
  /** Cancels the upload; the promise rejects with an `AbortError`. */
  signal?: AbortSignal,
  timeout = 120_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    // Settled here rather than in onabort, which not every XMLHttpRequest (or test double) fires.
    const cancelled = () => reject(new DOMException('The upload was cancelled', 'AbortError'))
    signal?.addEventListener(
      'abort',
      () => {
        xhr.abort()
        cancelled()
      },
      { once: true },
    )
    xhr.onabort = cancelled
    xhr.open('POST', url)
    xhr.timeout = timeout
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total)
    }
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = JSON.parse(xhr.responseText)
      } catch {}
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T)
        return
      }
      reject(httpError(xhr.status, body))
    }
    xhr.onerror = () => reject(transportError(false))
    xhr.ontimeout = () => reject(transportError(true))
    const form = new FormData()
    form.append('file', file)
    if (field) form.append('field', field)
    xhr.send(form)
  })
}
