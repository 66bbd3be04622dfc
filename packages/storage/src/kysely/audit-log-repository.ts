import type { AuditLogRepository } from "../port/audit-log-repository.ts";
import type { Database } from "./database.ts";
import { parseJsonText, toJsonText } from "./json-text.ts";
import type { RepositoryContext } from "./repository-context.ts";

const toEntry = (row: Database["auditLog"]) => ({ ...row, details: parseJsonText(row.details) });

/** The audit log over Kysely: append-only (triggers refuse updates and deletes). */
export function createAuditLogRepository(context: RepositoryContext): AuditLogRepository {
  const { inTenant, readTenant } = context;
  return {
    append: (orgId, input) =>
      inTenant(orgId, async (db) =>
        toEntry(
          await db
            .insertInto("auditLog")
            .values({
              orgId,
              id: context.newId(),
              at: context.now(),
              actorId: input.actorId ?? null,
              action: input.action,
              targetType: input.targetType,
              targetId: input.targetId ?? null,
              address: input.address ?? null,
              details: toJsonText(input.details ?? {}),
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        ),
      ),
    list: (orgId, page = {}) =>
      readTenant(orgId, async (db) =>
        (
          await db
            .selectFrom("auditLog")
            .selectAll()
            .where("orgId", "=", orgId)
            .orderBy("id", "desc")
            .limit(page.limit ?? 100)
            .execute()
        ).map(toEntry),
      ),
  };
}
