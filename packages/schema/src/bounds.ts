// The bounds table without zod, so the widget's validation chunk can read it.

/**
 * The bounds of every value a client may send, in one table: every schema of the route table
 * takes its lengths from here (docs/security.md lists them). An e-mail address is at most 254
 * characters (RFC 5321); everything else is bounded so a request can never make the database index
 * a huge value or the API loop over a huge list.
 */
export const LIMITS = {
  /** An e-mail address (RFC 5321 path limit). */
  email: 254,
  /** A person's, company's, process's or portal's name; a title. */
  name: 200,
  /** A password (scrypt hashes it; longer adds nothing). */
  password: 200,
  /** An id, slug or other identifier sent as text. */
  id: 100,
  /** A phone number. */
  phone: 50,
  /** An address or other short free text. */
  shortText: 500,
  /** A note's body or other long free text. */
  longText: 5000,
  /** A URL (logo, public page, webhook). */
  url: 2000,
  /** A search string. */
  search: 200,
  /** A tag. */
  tag: 50,
  /** Tags on one application. */
  tags: 20,
  /** Items of any other list in a request (processes, origins, ids, modules, fields). */
  list: 100,
  /** Keys of a free-form object, such as an application's form data. */
  objectKeys: 100,
  /** A free-form text value inside form data. */
  formValue: 10_000,
  /** Nesting of arrays and objects in a JSON body (checked before parsing, by the API). */
  jsonDepth: 32,
} as const
