import { existsSync } from "node:fs";
import { CalwiseError } from "@calwise/core";
import { resolveSqliteFile } from "@calwise/storage";

/**
 * The embedded store's file in `dataDir`, for `calwise backup` and `calwise restore`. PostgreSQL
 * (DATABASE_URL) is backed up with its own tools; `mustExist` refuses a directory that holds no store.
 */
export function readEmbeddedStoreFile(dataDir: string, mustExist: boolean): string {
  if (process.env.DATABASE_URL)
    throw new CalwiseError(
      "INPUT_INVALID",
      "DATABASE_URL names PostgreSQL: back it up with pg_dump and restore it with pg_restore (docs/storage.md)",
    );
  const file = resolveSqliteFile(dataDir);
  if (mustExist && !existsSync(file))
    throw new CalwiseError("NOT_FOUND", `no calwise store in ${dataDir} (expected ${file})`);
  return file;
}
