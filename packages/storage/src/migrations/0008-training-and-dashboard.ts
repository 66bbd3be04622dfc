import { type Kysely, type Migration, sql } from "kysely";
import type { StoreDialect } from "../store.ts";
import { enableRowLevelSecurity } from "./enable-row-level-security.ts";
import { jsonColumnType, startTenantTable } from "./start-tenant-table.ts";

/** The tables this migration adds (row-level security on PostgreSQL as 0007 gives the older ones). */
export const trainingAndDashboardTables = [
  "training_scenarios",
  "training_attempts",
  "organisation_branding",
] as const;

/**
 * Sales training and the organisation's branding (issue 13): the owner's own training scenarios (retired, not
 * deleted, so the attempts that answered them keep their exercise), every training attempt of an agent (who,
 * when, which exercise, the answer, right or wrong), and the logo (PNG or JPEG bytes in the database: one small
 * image per organisation, backed up with everything else).
 */
export function createTrainingAndDashboardMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await startTenantTable(db, "training_scenarios")
        .addColumn("title", "text", (column) => column.notNull())
        .addColumn("question", jsonColumnType(dialect), (column) => column.notNull())
        .addColumn("note", "text")
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("created_by", "text")
        .addColumn("retired_at", "text")
        .addForeignKeyConstraint(
          "training_scenarios_created_by_fk",
          ["org_id", "created_by"],
          "users",
          ["org_id", "id"],
        )
        .execute();
      await startTenantTable(db, "training_attempts")
        .addColumn("user_id", "text", (column) => column.notNull())
        .addColumn("at", "text", (column) => column.notNull())
        .addColumn("kind", "text", (column) => column.notNull())
        .addColumn("seed", "bigint")
        .addColumn("scenario_id", "text")
        .addColumn("question", jsonColumnType(dialect), (column) => column.notNull())
        .addColumn("answer", jsonColumnType(dialect), (column) => column.notNull())
        .addColumn("correct", "integer", (column) => column.notNull())
        .addForeignKeyConstraint("training_attempts_user_fk", ["org_id", "user_id"], "users", [
          "org_id",
          "id",
        ])
        .addForeignKeyConstraint(
          "training_attempts_scenario_fk",
          ["org_id", "scenario_id"],
          "training_scenarios",
          ["org_id", "id"],
        )
        .addCheckConstraint("training_attempts_correct_check", sql`correct in (0, 1)`)
        // The exercise is named by exactly one of: a generated seed, the organisation's scenario, or nothing
        // (a question the agent typed in).
        .addCheckConstraint(
          "training_attempts_kind_check",
          sql`(kind = 'seed' and seed is not null and scenario_id is null)
            or (kind = 'scenario' and scenario_id is not null and seed is null)
            or (kind = 'question' and seed is null and scenario_id is null)`,
        )
        .execute();
      // Scores per agent read the attempts of one organisation by user and time.
      await db.schema
        .createIndex("training_attempts_user_at")
        .on("training_attempts")
        .columns(["org_id", "user_id", "at"])
        .execute();
      await db.schema
        .createIndex("quotes_created_at")
        .on("quotes")
        .columns(["org_id", "created_at"])
        .execute();
      // One row per organisation: the primary key is the organisation id itself.
      await db.schema
        .createTable("organisation_branding")
        .addColumn("org_id", "text", (column) => column.notNull().references("organisations.id"))
        .addColumn("logo", dialect === "postgres" ? "bytea" : "blob", (column) => column.notNull())
        .addColumn("logo_media_type", "text", (column) => column.notNull())
        .addColumn("updated_at", "text", (column) => column.notNull())
        .addColumn("updated_by", "text")
        .addPrimaryKeyConstraint("organisation_branding_pk", ["org_id"])
        .addForeignKeyConstraint(
          "organisation_branding_updated_by_fk",
          ["org_id", "updated_by"],
          "users",
          ["org_id", "id"],
        )
        .addCheckConstraint(
          "organisation_branding_media_type_check",
          sql`logo_media_type in ('image/png', 'image/jpeg')`,
        )
        .execute();
      if (dialect === "postgres")
        for (const table of trainingAndDashboardTables) await enableRowLevelSecurity(db, table);
    },
  };
}
