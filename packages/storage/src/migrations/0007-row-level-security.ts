import type { Kysely, Migration } from "kysely";
import type { StoreDialect } from "../store.ts";
import { enableRowLevelSecurity } from "./enable-row-level-security.ts";

/** The tenant tables as they were when this migration was written (later migrations secure their own). */
const tablesOf0007 = [
  "users",
  "sessions",
  "api_tokens",
  "sign_in_attempts",
  "customers",
  "deployments",
  "deployment_revisions",
  "evaluations",
  "entitlements",
  "price_lists",
  "quotes",
  "evidence_uploads",
  "jobs",
  "audit_results",
  "idempotency_keys",
  "audit_log",
] as const;

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
      for (const table of tablesOf0007) await enableRowLevelSecurity(db, table);
    },
  };
}
