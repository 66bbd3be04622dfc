import type { IdempotencyKeyRepository } from "../port/idempotency-key-repository.ts";
import type { Database } from "./database.ts";
import { parseJsonText, toJsonText } from "./json-text.ts";
import type { RepositoryContext } from "./repository-context.ts";

const toRecord = (row: Database["idempotencyKeys"]) => ({
  ...row,
  response: parseJsonText(row.response),
});

/** Idempotency keys over Kysely. */
export function createIdempotencyKeyRepository(
  context: RepositoryContext,
): IdempotencyKeyRepository {
  const { inTenant, readTenant } = context;
  return {
    find: (orgId, key) =>
      readTenant(orgId, async (db) => {
        const row = await db
          .selectFrom("idempotencyKeys")
          .selectAll()
          .where("orgId", "=", orgId)
          .where("key", "=", key)
          .executeTakeFirst();
        return row && toRecord(row);
      }),
    save: (orgId, input) =>
      inTenant(orgId, async (db) =>
        toRecord(
          await db
            .insertInto("idempotencyKeys")
            .values({
              orgId,
              key: input.key,
              requestHash: input.requestHash,
              response: toJsonText(input.response),
              createdAt: context.now(),
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        ),
      ),
  };
}
