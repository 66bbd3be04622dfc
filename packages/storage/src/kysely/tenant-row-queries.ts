import type { Kysely } from "kysely";
import { countAffected } from "./count-affected.ts";
import type { Database } from "./database.ts";

/** The tables whose rows are named by `(org_id, id)`. */
export type TenantRowTable = {
  [T in keyof Database]: Database[T] extends { orgId: string; id: string } ? T : never;
}[keyof Database];

/** The row `(orgId, id)` of a tenant table, or undefined. */
export function selectTenantRow<T extends TenantRowTable>(
  db: Kysely<Database>,
  table: T,
  orgId: string,
  id: string,
): Promise<Database[T] | undefined> {
  return db
    .selectFrom(table as TenantRowTable)
    .selectAll()
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst() as Promise<Database[T] | undefined>;
}

/** Deletes the row `(orgId, id)` of a tenant table; whether there was one. */
export async function deleteTenantRow(
  db: Kysely<Database>,
  table: TenantRowTable,
  orgId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom(table)
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  return countAffected(result) > 0;
}

/** Marks the row `(orgId, id)` of a revocable table revoked at `now`; false if it was already revoked or is missing. */
export async function revokeTenantRow(
  db: Kysely<Database>,
  table: "sessions" | "apiTokens",
  orgId: string,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable(table)
    .set({ revokedAt: now })
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return countAffected(result) > 0;
}
