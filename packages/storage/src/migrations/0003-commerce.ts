import { type Kysely, type Migration, sql } from "kysely";
import type { StoreDialect } from "../store.ts";
import { jsonColumnType, startTenantTable } from "./start-tenant-table.ts";

/** Entitlements (purchases and included CALs), price lists and quotes. Money is integer minor units. */
export function createCommerceMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await startTenantTable(db, "entitlements")
        .addColumn("customer_id", "text")
        .addColumn("kind", "text", (column) => column.notNull())
        .addColumn("sku", "text", (column) => column.notNull())
        .addColumn("quantity", "bigint", (column) => column.notNull())
        .addColumn("invoice_reference", "text")
        .addColumn("acquired_on", "text")
        .addColumn("amount_minor", "bigint")
        .addColumn("currency", "text")
        .addColumn("details", jsonColumnType(dialect), (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addForeignKeyConstraint(
          "entitlements_customer_fk",
          ["org_id", "customer_id"],
          "customers",
          ["org_id", "id"],
        )
        .addCheckConstraint("entitlements_kind_check", sql`kind in ('purchase', 'included')`)
        .addCheckConstraint("entitlements_quantity_check", sql`quantity > 0`)
        .execute();
      await startTenantTable(db, "price_lists")
        .addColumn("name", "text", (column) => column.notNull())
        .addColumn("currency", "text", (column) => column.notNull())
        .addColumn("valid_from", "text", (column) => column.notNull())
        .addColumn("valid_to", "text")
        .addColumn("document", jsonColumnType(dialect), (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addCheckConstraint(
          "price_lists_validity_check",
          sql`valid_to is null or valid_to >= valid_from`,
        )
        .execute();
      await startTenantTable(db, "quotes")
        .addColumn("customer_id", "text")
        .addColumn("price_list_id", "text")
        .addColumn("status", "text", (column) => column.notNull())
        .addColumn("number", "integer")
        .addColumn("currency", "text", (column) => column.notNull())
        .addColumn("total_minor", "bigint", (column) => column.notNull())
        .addColumn("document", jsonColumnType(dialect), (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("issued_at", "text")
        .addUniqueConstraint("quotes_number_unique", ["org_id", "number"])
        .addForeignKeyConstraint("quotes_customer_fk", ["org_id", "customer_id"], "customers", [
          "org_id",
          "id",
        ])
        .addForeignKeyConstraint(
          "quotes_price_list_fk",
          ["org_id", "price_list_id"],
          "price_lists",
          ["org_id", "id"],
        )
        .addCheckConstraint(
          "quotes_status_check",
          sql`status in ('draft', 'issued', 'accepted', 'declined', 'withdrawn')`,
        )
        // A quote has a number exactly when it has been issued.
        .addCheckConstraint("quotes_number_check", sql`(status = 'draft') = (number is null)`)
        .execute();
    },
  };
}
