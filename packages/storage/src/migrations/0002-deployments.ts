import type { Kysely, Migration } from "kysely";
import type { StoreDialect } from "../store.ts";
import { jsonColumnType, startTenantTable } from "./start-tenant-table.ts";

/** Deployments, their immutable revisions, and evaluations of a revision. */
export function createDeploymentsMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await startTenantTable(db, "deployments")
        .addColumn("customer_id", "text")
        .addColumn("name", "text", (column) => column.notNull())
        .addColumn("latest_revision", "integer", (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("updated_at", "text", (column) => column.notNull())
        .addForeignKeyConstraint(
          "deployments_customer_fk",
          ["org_id", "customer_id"],
          "customers",
          ["org_id", "id"],
        )
        .execute();
      await db.schema
        .createTable("deployment_revisions")
        .addColumn("org_id", "text", (column) => column.notNull())
        .addColumn("deployment_id", "text", (column) => column.notNull())
        .addColumn("revision", "integer", (column) => column.notNull())
        .addColumn("document", jsonColumnType(dialect), (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("created_by", "text")
        .addPrimaryKeyConstraint("deployment_revisions_pk", ["org_id", "deployment_id", "revision"])
        .addForeignKeyConstraint(
          "deployment_revisions_deployment_fk",
          ["org_id", "deployment_id"],
          "deployments",
          ["org_id", "id"],
        )
        .execute();
      await startTenantTable(db, "evaluations")
        .addColumn("deployment_id", "text", (column) => column.notNull())
        .addColumn("revision", "integer", (column) => column.notNull())
        .addColumn("catalog_version", "text", (column) => column.notNull())
        .addColumn("result", jsonColumnType(dialect), (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addForeignKeyConstraint(
          "evaluations_revision_fk",
          ["org_id", "deployment_id", "revision"],
          "deployment_revisions",
          ["org_id", "deployment_id", "revision"],
        )
        .execute();
      await db.schema
        .createIndex("evaluations_deployment")
        .on("evaluations")
        .columns(["org_id", "deployment_id", "created_at"])
        .execute();
    },
  };
}
