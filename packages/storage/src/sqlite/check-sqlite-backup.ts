import { closeSync, openSync, readSync } from "node:fs";
import BetterSqlite3 from "better-sqlite3";
import { listMigrations } from "../migrations/list-migrations.ts";

/** Why a file cannot be restored: a stable code, what was expected and what the file holds. */
export interface BackupProblem {
  readonly code:
    | "backup-unreadable"
    | "backup-not-sqlite"
    | "backup-corrupt"
    | "backup-not-calwise"
    | "backup-newer-than-code";
  readonly file: string;
  readonly expected: string;
  readonly received: string;
}

const sqliteHeader = "SQLite format 3\0";

/**
 * Checks a backup before it may replace a store: a SQLite file, whole (`integrity_check`), and with a
 * migration history this code knows (an older one is fine: opening the store migrates it forward).
 * Returns the backup's schema version or the problem.
 */
export function checkSqliteBackup(
  file: string,
):
  | { readonly ok: true; readonly schemaVersion: string }
  | { readonly ok: false; readonly problem: BackupProblem } {
  const problem = (code: BackupProblem["code"], expected: string, received: string) =>
    ({ ok: false, problem: { code, file, expected, received } }) as const;
  let header: string;
  try {
    header = readHeader(file);
  } catch (error) {
    return problem("backup-unreadable", "a readable file", (error as Error).message);
  }
  if (header !== sqliteHeader)
    return problem("backup-not-sqlite", "a SQLite database file", "another kind of file");
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const findings = readIntegrityFindings(db);
    if (findings !== "ok") return problem("backup-corrupt", "integrity_check: ok", findings);
    const hasHistory = db
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (hasHistory === undefined)
      return problem("backup-not-calwise", "a calwise store", "no migration history");
    const applied = (
      db.prepare("select name from kysely_migration order by name").all() as { name: string }[]
    ).map((row) => row.name);
    const known = Object.keys(listMigrations("sqlite"));
    const unknown = applied.filter((name) => !known.includes(name));
    if (unknown.length > 0) {
      return problem(
        "backup-newer-than-code",
        `migrations up to ${known.at(-1)}`,
        `unknown migrations ${unknown.join(", ")}`,
      );
    }
    const schemaVersion = applied.at(-1);
    if (schemaVersion === undefined)
      return problem("backup-not-calwise", "a calwise store", "an empty migration history");
    return { ok: true, schemaVersion };
  } finally {
    db.close();
  }
}

function readHeader(file: string): string {
  const bytes = Buffer.alloc(sqliteHeader.length);
  const fd = openSync(file, "r");
  try {
    readSync(fd, bytes, 0, bytes.length, 0);
  } finally {
    closeSync(fd);
  }
  return bytes.toString("latin1");
}

function readIntegrityFindings(db: BetterSqlite3.Database): string {
  try {
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join("; ");
  } catch (error) {
    // A badly damaged file fails the check itself ("database disk image is malformed").
    return (error as Error).message;
  }
}
