import { type Kysely, sql } from "kysely";

/**
 * PostgreSQL: enables and forces row-level security on a tenant table, with the one policy every tenant
 * table has (only the rows of the organisation set for the transaction, `calwise.org_id`).
 */
export async function enableRowLevelSecurity(db: Kysely<unknown>, table: string): Promise<void> {
  await sql.raw(`alter table ${table} enable row level security`).execute(db);
  await sql.raw(`alter table ${table} force row level security`).execute(db);
  await sql
    .raw(
      `create policy ${table}_tenant on ${table}
       using (org_id = current_setting('calwise.org_id', true))
       with check (org_id = current_setting('calwise.org_id', true))`,
    )
    .execute(db);
}
