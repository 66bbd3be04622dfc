import { renameSync, rmSync } from "node:fs";
import BetterSqlite3 from "better-sqlite3";

/**
 * Copies the store in SQLite file `source` to `file` with SQLite's online backup: a consistent snapshot
 * while a running server keeps reading and writing. The source is opened read-only and as it is, never
 * as a store (which would migrate the live database it copies): a backup of a database at an older
 * schema is at that schema, and so is the database. The copy is written beside the target and renamed
 * into place, so `file` is never a half-written backup.
 */
export async function backupSqlite(
  source: string,
  file: string,
): Promise<{ readonly file: string; readonly pages: number }> {
  const partial = `${file}.partial`;
  // The busy timeout lets the copy wait out a checkpoint of the running server instead of failing.
  const connection = new BetterSqlite3(source, {
    readonly: true,
    fileMustExist: true,
    timeout: 5000,
  });
  try {
    const { totalPages } = await connection.backup(partial);
    renameSync(partial, file);
    return { file, pages: totalPages };
  } finally {
    connection.close();
    rmSync(partial, { force: true });
  }
}
