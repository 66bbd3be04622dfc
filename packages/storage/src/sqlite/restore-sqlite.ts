import { copyFileSync, renameSync, rmSync } from "node:fs";
import { type BackupProblem, checkSqliteBackup } from "./check-sqlite-backup.ts";

/**
 * Replaces the store file `dataFile` with a checked backup. The server must be stopped first (its open
 * connection would keep the replaced file). The backup is copied beside the target and renamed over it,
 * with the old write-ahead log removed, so a failed restore leaves the old store as it was.
 */
export function restoreSqlite(
  backupFile: string,
  dataFile: string,
):
  | { readonly ok: true; readonly schemaVersion: string }
  | { readonly ok: false; readonly problem: BackupProblem } {
  const checked = checkSqliteBackup(backupFile);
  if (!checked.ok) return checked;
  const incoming = `${dataFile}.restoring`;
  try {
    copyFileSync(backupFile, incoming);
    rmSync(`${dataFile}-wal`, { force: true });
    rmSync(`${dataFile}-shm`, { force: true });
    renameSync(incoming, dataFile);
  } finally {
    rmSync(incoming, { force: true });
  }
  return checked;
}
