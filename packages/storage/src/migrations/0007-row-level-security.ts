import { type Kysely, type Migration, sql } from "kysely";
import { tenantTables } from "../kysely/database.ts";
import type { StoreDialect } from "../store.ts";

/**
 * PostgreSQL only (a recorded no-op on SQLite, so both run one history): every tenant table shows and
 * accepts only the rows of the organisation set by `set_config('calwise.org_id', …, true)` in the
 * current transaction. FORCE applies the policies to the table owner too; superusers still bypass them,
 * which is why the store refuses to run as one.
 */
export function createRowLevelSecurityMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== "postgres") return;
      for (const table of tenantTables) {
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
    },
  };
}
