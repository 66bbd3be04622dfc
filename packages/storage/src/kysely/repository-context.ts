import type { Kysely } from "kysely";
import type { StoreDialect } from "../store.ts";
import type { Database } from "./database.ts";

/** What every repository is built on: a way into one organisation's transaction, a clock and ids. */
export interface RepositoryContext {
  readonly dialect: StoreDialect;
  /** Runs `work` with the organisation set for row-level security (a transaction of its own or the caller's). */
  inTenant<T>(orgId: string, work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  /** As `inTenant` for work that only reads: no write lock is taken (SQLite), inside the caller's transaction if any. */
  readTenant<T>(orgId: string, work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  /** The current time as ISO 8601 UTC text. */
  now(): string;
  newId(): string;
}
