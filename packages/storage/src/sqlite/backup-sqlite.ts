import { renameSync, rmSync } from "node:fs";
import type { SqliteStore } from "./open-sqlite-store.ts";

/**
 * Copies a running store to `file` with SQLite's online backup: a consistent snapshot while the server
 * keeps reading and writing. The copy is written beside the target and renamed into place, so `file`
 * is never a half-written backup.
 */
export async function backupSqlite(
  store: SqliteStore,
  file: string,
): Promise<{ readonly file: string; readonly pages: number }> {
  const partial = `${file}.partial`;
  try {
    const { totalPages } = await store.connection.backup(partial);
    renameSync(partial, file);
    return { file, pages: totalPages };
  } finally {
    rmSync(partial, { force: true });
  }
}
