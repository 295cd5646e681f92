/** Booleans are stored as 0/1 integers so the same migrations run on SQLite and PostgreSQL. */
export type Flag = number
