import type { SessionRepository } from "../port/session-repository.ts";
import { countAffected } from "./count-affected.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { revokeTenantRow } from "./tenant-row-queries.ts";

/** Server-side sessions over Kysely. */
export function createSessionRepository(context: RepositoryContext): SessionRepository {
  const { inTenant, readTenant } = context;
  return {
    create: (orgId, input) =>
      inTenant(orgId, (db) =>
        db
          .insertInto("sessions")
          .values({
            orgId,
            id: context.newId(),
            userId: input.userId,
            tokenHash: input.tokenHash,
            createdAt: context.now(),
            expiresAt: input.expiresAt,
            revokedAt: null,
            address: input.address ?? null,
            userAgent: input.userAgent ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      ),
    findLive: (orgId, tokenHash, now) =>
      readTenant(orgId, (db) =>
        db
          .selectFrom("sessions")
          .selectAll()
          .where("orgId", "=", orgId)
          .where("tokenHash", "=", tokenHash)
          .where("revokedAt", "is", null)
          .where("expiresAt", ">", now)
          .executeTakeFirst(),
      ),
    revoke: (orgId, id) =>
      inTenant(orgId, (db) => revokeTenantRow(db, "sessions", orgId, id, context.now())),
    revokeAllOfUser: (orgId, userId) =>
      inTenant(orgId, async (db) => {
        const result = await db
          .updateTable("sessions")
          .set({ revokedAt: context.now() })
          .where("orgId", "=", orgId)
          .where("userId", "=", userId)
          .where("revokedAt", "is", null)
          .executeTakeFirst();
        return countAffected(result);
      }),
  };
}
