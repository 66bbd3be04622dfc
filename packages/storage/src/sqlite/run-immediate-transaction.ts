import { type Kysely, sql } from "kysely";

/**
 * Runs `work` in a `BEGIN IMMEDIATE` transaction. Kysely's own SQLite transactions begin DEFERRED: one
 * that reads and then writes fails with SQLITE_BUSY when another connection (a CLI command beside the
 * server) wrote in between, without waiting. IMMEDIATE takes the write lock first, so it waits out the
 * busy timeout instead.
 */
export function runImmediateTransaction<Schema, T>(
  db: Kysely<Schema>,
  work: (trx: Kysely<Schema>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
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
