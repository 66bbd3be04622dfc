import type { CustomerRepository } from "../port/customer-repository.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { deleteTenantRow, selectTenantRow } from "./tenant-row-queries.ts";

/** Customers over Kysely. */
export function createCustomerRepository(context: RepositoryContext): CustomerRepository {
  const { inTenant, readTenant } = context;
  return {
    create: (orgId, input) =>
      inTenant(orgId, (db) => {
        const now = context.now();
        return db
          .insertInto("customers")
          .values({
            orgId,
            id: context.newId(),
            name: input.name,
            reference: input.reference ?? null,
            createdAt: now,
            updatedAt: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
      }),
    get: (orgId, id) => readTenant(orgId, (db) => selectTenantRow(db, "customers", orgId, id)),
    list: (orgId) =>
      readTenant(orgId, (db) =>
        db.selectFrom("customers").selectAll().where("orgId", "=", orgId).orderBy("name").execute(),
      ),
    update: (orgId, id, input) =>
      inTenant(orgId, (db) =>
        db
          .updateTable("customers")
          .set({ name: input.name, reference: input.reference ?? null, updatedAt: context.now() })
          .where("orgId", "=", orgId)
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirst(),
      ),
    delete: (orgId, id) => inTenant(orgId, (db) => deleteTenantRow(db, "customers", orgId, id)),
  };
}
