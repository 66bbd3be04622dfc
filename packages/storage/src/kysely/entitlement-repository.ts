import type { EntitlementRepository } from "../port/entitlement-repository.ts";
import type { Database } from "./database.ts";
import { parseJsonText, toJsonText } from "./json-text.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { deleteTenantRow, selectTenantRow } from "./tenant-row-queries.ts";

const toEntitlement = (row: Database["entitlements"]) => ({
  ...row,
  details: parseJsonText(row.details),
});

/** Entitlements over Kysely. */
export function createEntitlementRepository(context: RepositoryContext): EntitlementRepository {
  const { inTenant, readTenant } = context;
  return {
    create: (orgId, input) =>
      inTenant(orgId, async (db) =>
        toEntitlement(
          await db
            .insertInto("entitlements")
            .values({
              orgId,
              id: context.newId(),
              customerId: input.customerId ?? null,
              kind: input.kind,
              sku: input.sku,
              quantity: input.quantity,
              invoiceReference: input.invoiceReference ?? null,
              acquiredOn: input.acquiredOn ?? null,
              amountMinor: input.amountMinor ?? null,
              currency: input.currency ?? null,
              details: toJsonText(input.details ?? {}),
              createdAt: context.now(),
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        ),
      ),
    get: (orgId, id) =>
      readTenant(orgId, async (db) => {
        const row = await selectTenantRow(db, "entitlements", orgId, id);
        return row && toEntitlement(row);
      }),
    list: (orgId, filter = {}) =>
      readTenant(orgId, async (db) => {
        let query = db.selectFrom("entitlements").selectAll().where("orgId", "=", orgId);
        if (filter.customerId !== undefined)
          query = query.where("customerId", "=", filter.customerId);
        return (await query.orderBy("id").execute()).map(toEntitlement);
      }),
    delete: (orgId, id) => inTenant(orgId, (db) => deleteTenantRow(db, "entitlements", orgId, id)),
  };
}
