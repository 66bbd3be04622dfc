import { type Kysely, sql } from "kysely";
import type { StoreDialect } from "../store.ts";

/**
 * Runs a statement that fills a new tenant table from older rows: once on SQLite; on PostgreSQL once per
 * organisation with `calwise.org_id` set, since row-level security is forced on the table owner too and each
 * organisation's rows are seen only with it set.
 */
export async function runTenantBackfill(
  db: Kysely<unknown>,
  dialect: StoreDialect,
  statement: string,
): Promise<void> {
  if (dialect === "sqlite") {
    await sql.raw(statement).execute(db);
    return;
  }
  const organisations = await sql<{ id: string }>`select id from organisations`.execute(db);
  for (const { id } of organisations.rows) {
    await sql`select set_config('calwise.org_id', ${id}, true)`.execute(db);
    await sql.raw(statement).execute(db);
  }
}
