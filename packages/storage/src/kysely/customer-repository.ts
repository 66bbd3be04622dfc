import type { CustomerRepository } from "../port/customer-repository.ts";
import { countAffected } from "./count-affected.ts";
import type { RepositoryContext } from "./repository-context.ts";

/** Customers over Kysely. */
export function createCustomerRepository(context: RepositoryContext): CustomerRepository {
  const { inTenant } = context;
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
    get: (orgId, id) =>
      inTenant(orgId, (db) =>
        db
          .selectFrom("customers")
          .selectAll()
          .where("orgId", "=", orgId)
          .where("id", "=", id)
          .executeTakeFirst(),
      ),
    list: (orgId) =>
      inTenant(orgId, (db) =>
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
    delete: (orgId, id) =>
      inTenant(orgId, async (db) => {
        const result = await db
          .deleteFrom("customers")
          .where("orgId", "=", orgId)
          .where("id", "=", id)
          .executeTakeFirst();
        return countAffected(result) > 0;
      }),
  };
}
