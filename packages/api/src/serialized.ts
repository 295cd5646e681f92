/**
 * A JSON answer serialised once and sent as is on every request that answers it (a cached public
 * config): the route table still checks `value` against the operation's response schema when
 * responses are checked, and answers `json` with the operation's status.
 */
export class SerializedJson<T> {
  /** The answer's UTF-8 bytes: sent as they are, with no encoding per request. */
  readonly bytes: Uint8Array<ArrayBuffer>
  constructor(readonly value: T) {
    const json = Buffer.from(JSON.stringify(value))
    this.bytes = new Uint8Array(json.buffer, json.byteOffset, json.byteLength) as Uint8Array<ArrayBuffer>
  }
}

const serialised = new WeakMap<object, SerializedJson<unknown>>()

/**
 * `value` serialised on its first answer and reused for as long as it lives: for answers a read
 * cache hands out again and again (the dashboard's list). Never change a value once answered.
 */
export function serializedOnce<T extends object>(value: T): SerializedJson<T> {
  let answer = serialised.get(value) as SerializedJson<T> | undefined
  if (!answer) {
    answer = new SerializedJson(value)
    serialised.set(value, answer)
  }
  return answer
}
