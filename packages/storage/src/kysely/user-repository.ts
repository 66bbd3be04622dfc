import type { UserRepository } from "../port/user-repository.ts";
import { countAffected } from "./count-affected.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { selectTenantRow } from "./tenant-row-queries.ts";

/** Users over Kysely; emails are compared lower-cased. */
export function createUserRepository(context: RepositoryContext): UserRepository {
  const { inTenant, readTenant } = context;
  return {
    create: (orgId, input) =>
      inTenant(orgId, (db) =>
        db
          .insertInto("users")
          .values({
            orgId,
            id: context.newId(),
            email: input.email.toLowerCase(),
            displayName: input.displayName,
            role: input.role,
            customerId: input.customerId ?? null,
            passwordHash: input.passwordHash ?? null,
            createdAt: context.now(),
            disabledAt: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      ),
    get: (orgId, id) => readTenant(orgId, (db) => selectTenantRow(db, "users", orgId, id)),
    findByEmail: (orgId, email) =>
      readTenant(orgId, (db) =>
        db
          .selectFrom("users")
          .selectAll()
          .where("orgId", "=", orgId)
          .where("email", "=", email.toLowerCase())
          .executeTakeFirst(),
      ),
    list: (orgId) =>
      readTenant(orgId, (db) =>
        db.selectFrom("users").selectAll().where("orgId", "=", orgId).orderBy("email").execute(),
      ),
    setPasswordHash: (orgId, id, passwordHash) =>
      inTenant(orgId, async (db) => {
        const result = await db
          .updateTable("users")
          .set({ passwordHash })
          .where("orgId", "=", orgId)
          .where("id", "=", id)
          .executeTakeFirst();
        return countAffected(result) > 0;
      }),
    setRole: (orgId, id, change) =>
      inTenant(orgId, (db) =>
        db
          .updateTable("users")
          .set({ role: change.role, customerId: change.customerId })
          .where("orgId", "=", orgId)
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirst(),
      ),
    disable: (orgId, id) =>
      inTenant(orgId, async (db) => {
        const result = await db
          .updateTable("users")
          .set({ disabledAt: context.now() })
          .where("orgId", "=", orgId)
          .where("id", "=", id)
          .where("disabledAt", "is", null)
          .executeTakeFirst();
        return countAffected(result) > 0;
      }),
  };
}
