import BetterSqlite3 from "better-sqlite3";
import { CamelCasePlugin, Kysely, SqliteDialect } from "kysely";
import { createKyselyStore } from "../kysely/create-kysely-store.ts";
import type { Database } from "../kysely/database.ts";
import { migrateToLatest } from "../migrations/migrate-to-latest.ts";
import type { Store } from "../store.ts";
import { cachePreparedStatements } from "./cache-prepared-statements.ts";
import { runImmediateTransaction } from "./run-immediate-transaction.ts";

/** The embedded store: one SQLite file and its connection. */
export interface SqliteStore extends Store {
  readonly dialect: "sqlite";
  readonly file: string;
  readonly connection: BetterSqlite3.Database;
}

/**
 * Opens (creating if needed) a SQLite store and migrates it. WAL lets readers and the online backup
 * run beside the writer; foreign keys are off by default in SQLite and must be switched on per
 * connection; the busy timeout makes a second process (a backup, the CLI) wait instead of failing.
 * synchronous=NORMAL with WAL keeps every commit through a killed process; only an operating-system
 * crash or power loss may lose the last commits (never consistency).
 */
export async function openSqliteStore(config: {
  readonly file: string;
  readonly readClock?: () => Date;
}): Promise<SqliteStore> {
  const connection = new BetterSqlite3(config.file);
  connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = NORMAL");
  connection.pragma("foreign_keys = ON");
  connection.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachePreparedStatements(connection) }),
    plugins: [new CamelCasePlugin()],
  });
  try {
    await migrateToLatest(db.withoutPlugins() as Kysely<unknown>, "sqlite");
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const store = createKyselyStore({
    db,
    dialect: "sqlite",
    inTransaction: (_orgId, work) => runImmediateTransaction(db, work),
    inReadTransaction: (_orgId, work) => runImmediateTransaction(db, work, "deferred"),
    readClock: config.readClock ?? (() => new Date()),
    close: () => db.destroy(),
  });
  return { ...store, dialect: "sqlite", file: config.file, connection };
}
