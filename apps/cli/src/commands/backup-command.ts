import { backupSqlite } from "@calwise/storage";
import type { Command } from "commander";
import { readEmbeddedStoreFile } from "./read-embedded-store-file.ts";

interface BackupOptions {
  dataDir: string;
}

/**
 * `calwise backup FILE`: a consistent copy of the embedded store with SQLite's online backup, taken beside
 * a running `calwise serve` (WAL lets it read while the server writes); FILE appears only when whole. The
 * store is read as it is: a backup never migrates the database it copies.
 */
export function registerBackupCommand(program: Command): void {
  program
    .command("backup")
    .description(
      "copy the embedded store to FILE while calwise serve keeps running (PostgreSQL: pg_dump)",
    )
    .argument("<file>", "the backup file to write (replaced if it exists)")
    .option(
      "--data-dir <dir>",
      "embedded SQLite data directory (CALWISE_DATA_DIR)",
      process.env.CALWISE_DATA_DIR ?? "./calwise-data",
    )
    .action(async (file: string, options: BackupOptions) => {
      const location = readEmbeddedStoreFile(options.dataDir, true);
      // The file as it is (read-only, not opened as a store, so never migrated): see backupSqlite.
      const { pages } = await backupSqlite(location, file);
      process.stdout.write(`backed up ${location} to ${file} (${pages} pages)\n`);
    });
}
