import type { Kysely, Migration } from "kysely";
import type { StoreDialect } from "../store.ts";
import { enableRowLevelSecurity } from "./enable-row-level-security.ts";
import { runTenantBackfill } from "./run-tenant-backfill.ts";
import { startTenantTable } from "./start-tenant-table.ts";

/**
 * Which customer an evidence upload was given for (web-multi-audit): uploads are one row per content hash in an
 * organisation, so the customer is a link of its own, with the name that customer's file had. An audit over
 * several files takes earlier uploads only through this link, so another customer's upload is not found. A
 * customer's deletion takes its links with it (the uploads stay: another customer may have the same content).
 * The links of uploads made before it are read from their jobs' input (`uploadId`, `customerId`).
 */
export function createCustomerUploadsMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await startTenantTable(db, "customer_uploads")
        .addColumn("customer_id", "text", (column) => column.notNull())
        .addColumn("upload_id", "text", (column) => column.notNull())
        .addColumn("file_name", "text", (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("created_by", "text")
        .addForeignKeyConstraint(
          "customer_uploads_customer_fk",
          ["org_id", "customer_id"],
          "customers",
          ["org_id", "id"],
          (constraint) => constraint.onDelete("cascade"),
        )
        .addForeignKeyConstraint(
          "customer_uploads_upload_fk",
          ["org_id", "upload_id"],
          "evidence_uploads",
          ["org_id", "id"],
        )
        .addUniqueConstraint("customer_uploads_unique", ["org_id", "customer_id", "upload_id"])
        .execute();
      if (dialect === "postgres") await enableRowLevelSecurity(db, "customer_uploads");
      await runTenantBackfill(db, dialect, customerUploadBackfillStatement(dialect));
    },
  };
}

/** Links every upload an earlier audit job named to that job's customer (once per pair, the first job's id; again: none). */
export function customerUploadBackfillStatement(dialect: StoreDialect): string {
  const field = (name: string) =>
    dialect === "postgres" ? `j.input ->> '${name}'` : `json_extract(j.input, '$.${name}')`;
  return `insert into customer_uploads (org_id, id, customer_id, upload_id, file_name, created_at, created_by)
    select j.org_id, min(j.id), c.id, u.id, min(u.file_name), min(j.created_at), min(u.created_by)
    from jobs j
    join customers c on c.org_id = j.org_id and c.id = ${field("customerId")}
    join evidence_uploads u on u.org_id = j.org_id and u.id = ${field("uploadId")}
    where j.kind = 'audit-evidence' and not exists (select 1 from customer_uploads l
      where l.org_id = j.org_id and l.customer_id = c.id and l.upload_id = u.id)
    group by j.org_id, c.id, u.id`;
}
