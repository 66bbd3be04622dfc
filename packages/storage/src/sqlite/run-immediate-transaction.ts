import { CompiledQuery, type Kysely } from "kysely";

// Compiled once: the statements every transaction runs need no query building per request.
const beginImmediate = CompiledQuery.raw("begin immediate");
const beginDeferred = CompiledQuery.raw("begin deferred");
const commit = CompiledQuery.raw("commit");
const rollback = CompiledQuery.raw("rollback");

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
    await connection.executeQuery(begin === "immediate" ? beginImmediate : beginDeferred);
    try {
      const result = await work(connection);
      await connection.executeQuery(commit);
      return result;
    } catch (error) {
      await connection.executeQuery(rollback);
      throw error;
    }
  });
}
