import { type Kysely, type Migration, sql } from "kysely";
import { startTenantTable } from "./start-tenant-table.ts";

/** Organisations, their customers, users with roles, sessions, API tokens and sign-in attempts. */
export function createAccountsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("organisations")
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("slug", "text", (column) => column.notNull().unique())
        .addColumn("name", "text", (column) => column.notNull())
        .addColumn("last_quote_number", "integer", (column) => column.notNull().defaultTo(0))
        .addColumn("created_at", "text", (column) => column.notNull())
        .execute();
      await startTenantTable(db, "customers")
        .addColumn("name", "text", (column) => column.notNull())
        .addColumn("reference", "text")
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("updated_at", "text", (column) => column.notNull())
        .execute();
      await startTenantTable(db, "users")
        .addColumn("email", "text", (column) => column.notNull())
        .addColumn("display_name", "text", (column) => column.notNull())
        .addColumn("role", "text", (column) => column.notNull())
        .addColumn("customer_id", "text")
        .addColumn("password_hash", "text")
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("disabled_at", "text")
        .addUniqueConstraint("users_email_unique", ["org_id", "email"])
        .addForeignKeyConstraint("users_customer_fk", ["org_id", "customer_id"], "customers", [
          "org_id",
          "id",
        ])
        .addCheckConstraint(
          "users_role_check",
          sql`role in ('owner', 'sales', 'auditor', 'customer')`,
        )
        // A customer user reads exactly one customer's record; the other roles are linked to none.
        .addCheckConstraint(
          "users_customer_check",
          sql`(role = 'customer') = (customer_id is not null)`,
        )
        .execute();
      await startTenantTable(db, "sessions")
        .addColumn("user_id", "text", (column) => column.notNull())
        .addColumn("token_hash", "text", (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("expires_at", "text", (column) => column.notNull())
        .addColumn("revoked_at", "text")
        .addColumn("address", "text")
        .addColumn("user_agent", "text")
        .addUniqueConstraint("sessions_token_unique", ["org_id", "token_hash"])
        .addForeignKeyConstraint("sessions_user_fk", ["org_id", "user_id"], "users", [
          "org_id",
          "id",
        ])
        .execute();
      await startTenantTable(db, "api_tokens")
        .addColumn("user_id", "text", (column) => column.notNull())
        .addColumn("name", "text", (column) => column.notNull())
        .addColumn("token_hash", "text", (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("expires_at", "text")
        .addColumn("revoked_at", "text")
        .addUniqueConstraint("api_tokens_token_unique", ["org_id", "token_hash"])
        .addForeignKeyConstraint("api_tokens_user_fk", ["org_id", "user_id"], "users", [
          "org_id",
          "id",
        ])
        .execute();
      await startTenantTable(db, "sign_in_attempts")
        .addColumn("email", "text", (column) => column.notNull())
        .addColumn("address", "text", (column) => column.notNull())
        .addColumn("outcome", "text", (column) => column.notNull())
        .addColumn("at", "text", (column) => column.notNull())
        .addCheckConstraint(
          "sign_in_attempts_outcome_check",
          sql`outcome in ('succeeded', 'failed')`,
        )
        .execute();
      await db.schema
        .createIndex("sign_in_attempts_email_at")
        .on("sign_in_attempts")
        .columns(["org_id", "email", "at"])
        .execute();
      await db.schema
        .createIndex("sign_in_attempts_address_at")
        .on("sign_in_attempts")
        .columns(["org_id", "address", "at"])
        .execute();
    },
  };
}
