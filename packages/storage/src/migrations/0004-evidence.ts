import { type Kysely, type Migration, sql } from "kysely";
import type { StoreDialect } from "../store.ts";
import { jsonColumnType, startTenantTable } from "./start-tenant-table.ts";

/** Evidence uploads, durable jobs (state, progress, attempts, lease) and stored audit results. */
export function createEvidenceMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await startTenantTable(db, "evidence_uploads")
        .addColumn("file_name", "text", (column) => column.notNull())
        .addColumn("stored_path", "text", (column) => column.notNull())
        .addColumn("size_bytes", "bigint", (column) => column.notNull())
        .addColumn("content_hash", "text", (column) => column.notNull())
        .addColumn("format", "text", (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("created_by", "text")
        // The same content uploaded twice is one upload (idempotent uploads).
        .addUniqueConstraint("evidence_uploads_content_unique", ["org_id", "content_hash"])
        .execute();
      await startTenantTable(db, "jobs")
        .addColumn("kind", "text", (column) => column.notNull())
        .addColumn("input", jsonColumnType(dialect), (column) => column.notNull())
        .addColumn("state", "text", (column) => column.notNull())
        .addColumn("progress_done", "bigint", (column) => column.notNull())
        .addColumn("progress_total", "bigint")
        .addColumn("attempts", "integer", (column) => column.notNull())
        .addColumn("max_attempts", "integer", (column) => column.notNull())
        .addColumn("lease_owner", "text")
        .addColumn("lease_expires_at", "text")
        .addColumn("heartbeat_at", "text")
        .addColumn("result", jsonColumnType(dialect))
        .addColumn("error", jsonColumnType(dialect))
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("updated_at", "text", (column) => column.notNull())
        .addCheckConstraint(
          "jobs_state_check",
          sql`state in ('queued', 'running', 'succeeded', 'failed')`,
        )
        .execute();
      await db.schema
        .createIndex("jobs_claimable")
        .on("jobs")
        .columns(["org_id", "state", "created_at"])
        .execute();
      await startTenantTable(db, "audit_results")
        .addColumn("job_id", "text")
        .addColumn("customer_id", "text")
        .addColumn("catalog_version", "text", (column) => column.notNull())
        .addColumn("result", jsonColumnType(dialect), (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addForeignKeyConstraint("audit_results_job_fk", ["org_id", "job_id"], "jobs", [
          "org_id",
          "id",
        ])
        .addForeignKeyConstraint(
          "audit_results_customer_fk",
          ["org_id", "customer_id"],
          "customers",
          ["org_id", "id"],
        )
        // One stored result per job: a re-run after a kill cannot store a second one.
        .addUniqueConstraint("audit_results_job_unique", ["org_id", "job_id"])
        .execute();
    },
  };
}
