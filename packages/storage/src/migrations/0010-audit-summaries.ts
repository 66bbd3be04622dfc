import type { Kysely, Migration } from "kysely";
import type { StoreDialect } from "../store.ts";
import { enableRowLevelSecurity } from "./enable-row-level-security.ts";
import { runTenantBackfill } from "./run-tenant-backfill.ts";
import { jsonColumnType, startTenantTable } from "./start-tenant-table.ts";

/**
 * A stored audit's summary beside it (issue 13, web-customer): what a customer's list of audits shows (the files,
 * compliant or not, the CALs short) without reading the whole result, which at 1.5M accesses is hundreds of MB.
 * Its own table, not a column of `audit_results`: SQLite keeps a row's columns in order, so a column after the
 * result is reached only by walking the result's overflow pages (40 rows of 20 MB: 1.0–1.2 s against 0.2 ms with
 * the column first); the list's other columns (when, whose, which job) are copied here for the same reason.
 * Forward-only; the summaries of audits stored before it are computed from their results by the database itself
 * (`auditSummaryBackfillStatement`).
 */
export function createAuditSummariesMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await startTenantTable(db, "audit_summaries")
        .addColumn("job_id", "text")
        .addColumn("customer_id", "text")
        .addColumn("catalog_version", "text", (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("summary", jsonColumnType(dialect), (column) => column.notNull())
        .addForeignKeyConstraint("audit_summaries_result_fk", ["org_id", "id"], "audit_results", [
          "org_id",
          "id",
        ])
        .execute();
      // A customer's audits, newest first (ids are UUIDv7).
      await db.schema
        .createIndex("audit_summaries_customer")
        .on("audit_summaries")
        .columns(["org_id", "customer_id", "id"])
        .execute();
      if (dialect === "postgres") await enableRowLevelSecurity(db, "audit_summaries");
      await runTenantBackfill(db, dialect, auditSummaryBackfillStatement(dialect));
    },
  };
}

/**
 * The statement that stores the summary of every audit result (of the organisation set, on PostgreSQL) that has
 * none: `{ files, compliant, calsShort }` read from the result as the app stores it (AuditResult: `files[].file`,
 * `evaluation.compliant`, `evaluation.families[].required[].shortfall`), what the job worker now writes itself.
 */
export function auditSummaryBackfillStatement(dialect: StoreDialect): string {
  const summary =
    dialect === "postgres"
      ? `jsonb_build_object(
           'files', coalesce((select jsonb_agg(f.value -> 'file' order by f.n)
                     from jsonb_array_elements(r.result -> 'files') with ordinality f(value, n)), '[]'::jsonb),
           'compliant', coalesce((r.result #>> '{evaluation,compliant}')::boolean, false),
           'calsShort', coalesce((select sum((q ->> 'shortfall')::numeric)
                     from jsonb_array_elements(r.result #> '{evaluation,families}') fam,
                          jsonb_array_elements(fam -> 'required') q), 0))`
      : `json_object(
           'files', json(coalesce((select json_group_array(json_extract(f.value, '$.file'))
                     from json_each(r.result, '$.files') f), '[]')),
           'compliant', json(case when json_extract(r.result, '$.evaluation.compliant') then 'true' else 'false' end),
           'calsShort', coalesce((select sum(json_extract(q.value, '$.shortfall'))
                     from json_each(r.result, '$.evaluation.families') fam,
                          json_each(fam.value, '$.required') q), 0))`;
  return `insert into audit_summaries (org_id, id, job_id, customer_id, catalog_version, created_at, summary)
    select r.org_id, r.id, r.job_id, r.customer_id, r.catalog_version, r.created_at, ${summary}
    from audit_results r
    where not exists (select 1 from audit_summaries s where s.org_id = r.org_id and s.id = r.id)`;
}
