import type { Kysely, Migration } from "kysely";
import type { StoreDialect } from "../store.ts";
import { jsonColumnType, startTenantTable } from "./start-tenant-table.ts";

/** Idempotency keys and the audit log (who, when, what, from where). */
export function createAuditLogMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("idempotency_keys")
        .addColumn("org_id", "text", (column) => column.notNull().references("organisations.id"))
        .addColumn("key", "text", (column) => column.notNull())
        .addColumn("request_hash", "text", (column) => column.notNull())
        .addColumn("response", jsonColumnType(dialect), (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addPrimaryKeyConstraint("idempotency_keys_pk", ["org_id", "key"])
        .execute();
      await startTenantTable(db, "audit_log")
        .addColumn("at", "text", (column) => column.notNull())
        .addColumn("actor_id", "text")
        .addColumn("action", "text", (column) => column.notNull())
        .addColumn("target_type", "text", (column) => column.notNull())
        .addColumn("target_id", "text")
        .addColumn("address", "text")
        .addColumn("details", jsonColumnType(dialect), (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex("audit_log_at")
        .on("audit_log")
        .columns(["org_id", "at"])
        .execute();
    },
  };
}
