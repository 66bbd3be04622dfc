import { type Kysely, sql } from "kysely";

/**
 * Runs `work` in a `BEGIN IMMEDIATE` transaction. Kysely's own SQLite transactions begin DEFERRED: one
 * that reads and then writes fails with SQLITE_BUSY when another connection (a CLI command beside the
 * server) wrote in between, without waiting. IMMEDIATE takes the write lock first, so it waits out the
 * busy timeout instead. Work that only reads passes `deferred`: it sees one snapshot (WAL) and takes no
 * write lock, so it neither waits for nor holds up a writer.
 */
export function runImmediateTransaction<Schema, T>(
  db: Kysely<Schema>,
  work: (trx: Kysely<Schema>) => Promise<T>,
  begin: "immediate" | "deferred" = "immediate",
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await (begin === "immediate" ? sql`begin immediate` : sql`begin deferred`).execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}
