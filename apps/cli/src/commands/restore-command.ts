import { existsSync } from "node:fs";
import { CalwiseError } from "@calwise/core";
import { restoreSqlite } from "@calwise/storage";
import type { Command } from "commander";
import { readEmbeddedStoreFile } from "./read-embedded-store-file.ts";

interface RestoreOptions {
  dataDir: string;
  force?: boolean;
}

/**
 * `calwise restore FILE`: replaces the embedded store with a checked backup (a whole SQLite file with a
 * calwise migration history this version knows). The server must be stopped: while a process has the
 * store open SQLite keeps a `-shm` file beside it, and restore refuses (`--force` after a crash).
 */
export function registerRestoreCommand(program: Command): void {
  program
    .command("restore")
    .description(
      "replace the embedded store with a backup FILE; stop calwise serve first (PostgreSQL: pg_restore)",
    )
    .argument("<file>", "a file written by calwise backup")
    .option(
      "--data-dir <dir>",
      "embedded SQLite data directory (CALWISE_DATA_DIR)",
      process.env.CALWISE_DATA_DIR ?? "./calwise-data",
    )
    .option("--force", "restore although the store looks open (after a crash left its -shm file)")
    .action((file: string, options: RestoreOptions) => {
      const target = readEmbeddedStoreFile(options.dataDir, false);
      if (existsSync(`${target}-shm`) && options.force !== true)
        throw new CalwiseError(
          "CONFLICT",
          `${target} is open (its -shm file exists): stop calwise serve first, or pass --force if it crashed`,
        );
      const restored = restoreSqlite(file, target);
      if (!restored.ok) {
        const { problem } = restored;
        throw new CalwiseError("INPUT_INVALID", `cannot restore ${file}: ${problem.code}`, [
          {
            code: "FILE",
            path: "FILE",
            file: problem.file,
            message: `not a backup calwise can restore (${problem.code})`,
            expected: problem.expected,
            received: problem.received,
          },
        ]);
      }
      process.stdout.write(`restored ${file} into ${target} (schema ${restored.schemaVersion})\n`);
    });
}
