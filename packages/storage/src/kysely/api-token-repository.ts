import type { ApiTokenRepository } from "../port/api-token-repository.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { revokeTenantRow } from "./tenant-row-queries.ts";

/** API tokens over Kysely. */
export function createApiTokenRepository(context: RepositoryContext): ApiTokenRepository {
  const { inTenant, readTenant } = context;
  return {
    create: (orgId, input) =>
      inTenant(orgId, (db) =>
        db
          .insertInto("apiTokens")
          .values({
            orgId,
            id: context.newId(),
            userId: input.userId,
            name: input.name,
            tokenHash: input.tokenHash,
            createdAt: context.now(),
            expiresAt: input.expiresAt ?? null,
            revokedAt: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      ),
    findLive: (orgId, tokenHash, now) =>
      readTenant(orgId, (db) =>
        db
          .selectFrom("apiTokens")
          .selectAll()
          .where("orgId", "=", orgId)
          .where("tokenHash", "=", tokenHash)
          .where("revokedAt", "is", null)
          .where((eb) => eb.or([eb("expiresAt", "is", null), eb("expiresAt", ">", now)]))
          .executeTakeFirst(),
      ),
    listOfUser: (orgId, userId) =>
      readTenant(orgId, (db) =>
        db
          .selectFrom("apiTokens")
          .selectAll()
          .where("orgId", "=", orgId)
          .where("userId", "=", userId)
          .orderBy("id")
          .execute(),
      ),
    revoke: (orgId, id) =>
      inTenant(orgId, (db) => revokeTenantRow(db, "apiTokens", orgId, id, context.now())),
  };
}
