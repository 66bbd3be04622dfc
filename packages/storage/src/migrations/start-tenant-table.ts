import type { CreateTableBuilder, Kysely } from "kysely";
import type { StoreDialect } from "../store.ts";

/**
 * Begins a tenant table: `org_id` (referencing the organisation) and `id`, with the primary key led by
 * the organisation id, the layout a sharded PostgreSQL (Citus) distributes by.
 */
export function startTenantTable(
  db: Kysely<unknown>,
  table: string,
): CreateTableBuilder<string, "org_id" | "id"> {
  return db.schema
    .createTable(table)
    .addColumn("org_id", "text", (column) => column.notNull().references("organisations.id"))
    .addColumn("id", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint(`${table}_pk`, ["org_id", "id"]);
}

/** The column type of a JSON document: text on SQLite, jsonb on PostgreSQL. */
export function jsonColumnType(dialect: StoreDialect): "text" | "jsonb" {
  return dialect === "postgres" ? "jsonb" : "text";
}
