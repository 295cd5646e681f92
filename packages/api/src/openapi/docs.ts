import { OPERATIONS, type Operation, ROLES } from '@portico/schema'

const START = '<!-- operations:start (generated from the route table: pnpm docs:api) -->'
const END = '<!-- operations:end -->'

const AUDIENCE: Record<Operation['auth'], string> = {
  none: 'anyone',
  contact: 'contact',
  staff: 'staff',
}

function queryNames(op: Operation): string {
  const shape = (op.query as { def?: { shape?: Record<string, unknown> } } | undefined)?.def?.shape
  return shape
    ? Object.keys(shape)
        .map((name) => `\`${name}\``)
        .join(', ')
    : ''
}

function who(op: Operation): string {
  return op.auth === 'staff' ? `${op.role ?? 'viewer'}+` : AUDIENCE[op.auth]
}

/** The table of every operation, one row each, as Markdown. */
export function operationsTable(): string {
  const rows = Object.entries(OPERATIONS as Record<string, Operation>).map(([id, op]) => {
    const body = op.body === 'multipart' ? 'multipart `file`' : op.body ? 'JSON' : ''
    const answer =
      op.response === 'binary'
        ? `${op.status} file`
        : op.response === 'event-stream'
          ? `${op.status} event stream`
          : String(op.status)
    return `| \`${op.method.toUpperCase()} ${op.path}\` | \`${id}\` | ${who(op)} | ${queryNames(op)} | ${body} | ${answer} | ${op.errors.join(', ')} |`
  })
  return [
    START,
    '',
    '| Operation | operationId | Who | Query | Body | Answer | Errors |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    END,
  ].join('\n')
}

/** Replaces the generated section of `docs/rest-api.md` (between its markers) with the current table. */
export function withOperationsTable(markdown: string): string {
  const start = markdown.indexOf(START)
  const end = markdown.indexOf(END)
  if (start < 0 || end < 0) return `${markdown.trimEnd()}\n\n## Every operation\n\n${operationsTable()}\n`
  return `${markdown.slice(0, start)}${operationsTable()}${markdown.slice(end + END.length)}`
}

/** `docs/roles.md`: what each staff role may do, one row per staff operation. */
export function rolesDocument(): string {
  const staff = Object.entries(OPERATIONS as Record<string, Operation>).filter(
    ([, op]) => op.auth === 'staff',
  )
  const rows = staff.map(([id, op]) => {
    const minimum = ROLES.indexOf(op.role ?? 'viewer')
    const cells = ROLES.map((_, i) => (i <= minimum ? 'yes' : '—'))
    return `| \`${op.method.toUpperCase()} ${op.path}\` (\`${id}\`) | ${cells.join(' | ')} |`
  })
  return [
    '# Staff roles',
    '',
    '<!-- Generated from the route table of @portico/schema by `pnpm docs:api`; a test keeps it current. -->',
    '',
    'Every staff operation names the lowest role allowed; each role can do everything the roles',
    'below it can. `owner` > `admin` > `agent` > `viewer`. A read-only API key acts as a `viewer`,',
    'any other API key as an `admin`. A refused role gets a `403` problem of type',
    '`urn:portico:problem:role-forbidden`.',
    '',
    'Staff sign in at `POST /v1/staff/login` and send `Authorization: Bearer pst_…`; scripts send',
    '`Bearer pk_…`. The `/v1/staff/…` operations are about the signed-in user’s own account: any',
    'role may call them, an API key may not (`403`, `staff-session-required`). Where an owner requires',
    'two-factor sign-in, a user without it may only call those until they turn it on (`403`,',
    '`two-factor-required`). Staff sessions end after 2 hours without a request, and 12 hours after',
    'sign-in in any case.',
    '',
    "- **owner**: everything, and the organisation's staff and API keys.",
    '- **admin**: configuration — processes, portals, profiles — the audit log and the mail outbox.',
    '- **agent**: the daily work — applications (status, notes), contacts, companies, invitations, contracts.',
    '- **viewer**: reads.',
    '',
    `| Operation | ${ROLES.join(' | ')} |`,
    `| --- | ${ROLES.map(() => '---').join(' | ')} |`,
    ...rows,
    '',
  ].join('\n')
}
