/** Whether an error is a refused delete or insert because a foreign key still (or does not) name a row. */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  // PostgreSQL: SQLSTATE 23503; SQLite (better-sqlite3): the extended result code's name.
  return error.code === "23503" || error.code === "SQLITE_CONSTRAINT_FOREIGNKEY";
}
