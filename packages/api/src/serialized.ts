/**
 * A JSON answer serialised once and sent as is on every request that answers it (a cached public
 * config): the route table still checks `value` against the operation's response schema when
 * responses are checked, and answers `json` with the operation's status.
 */
export class SerializedJson<T> {
  readonly json: string
  constructor(readonly value: T) {
    this.json = JSON.stringify(value)
  }
}
