import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";

/** The file name of the embedded database inside a data directory. */
export const sqliteFileName = "calwise.db";

/**
 * The SQLite file a location names: a path ending in `.db`, `.sqlite` or `.sqlite3` is the file itself,
 * anything else is a data directory holding `calwise.db`. The directory is created if missing.
 */
export function resolveSqliteFile(location: string): string {
  const file = /\.(db|sqlite3?)$/.test(location) ? location : join(location, sqliteFileName);
  mkdirSync(dirname(file), { recursive: true });
  return file;
}
