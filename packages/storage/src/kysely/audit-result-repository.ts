import type { AuditResultRepository } from "../port/audit-result-repository.ts";
import type { Database } from "./database.ts";
import { parseJsonText, toJsonText } from "./json-text.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { selectTenantRow } from "./tenant-row-queries.ts";

const toAuditResult = (row: Database["auditResults"]) => ({
  ...row,
  result: parseJsonText(row.result),
});

/** Stored audit results over Kysely. */
export function createAuditResultRepository(context: RepositoryContext): AuditResultRepository {
  const { inTenant, readTenant } = context;
  return {
    create: (orgId, input) =>
      inTenant(orgId, async (db) => {
        const record = {
          orgId,
          id: context.newId(),
          jobId: input.jobId ?? null,
          customerId: input.customerId ?? null,
          catalogVersion: input.catalogVersion,
          createdAt: context.now(),
        };
        const row = await db
          .insertInto("auditResults")
          .values({ ...record, result: toJsonText(input.result) })
          .returningAll()
          .executeTakeFirstOrThrow();
        await db
          .insertInto("auditSummaries")
          .values({ ...record, summary: toJsonText(input.summary) })
          .execute();
        return toAuditResult(row);
      }),
    get: (orgId, id) =>
      readTenant(orgId, async (db) => {
        const row = await selectTenantRow(db, "auditResults", orgId, id);
        return row && toAuditResult(row);
      }),
    getAsJson: (orgId, id) =>
      readTenant(orgId, async (db) => {
        const row = await selectTenantRow(db, "auditResults", orgId, id);
        if (row === undefined) return undefined;
        const { result, ...rest } = row;
        return { ...rest, resultJson: result };
      }),
    findOfJob: (orgId, jobId) =>
      readTenant(orgId, async (db) => {
        const row = await db
          .selectFrom("auditResults")
          .selectAll()
          .where("orgId", "=", orgId)
          .where("jobId", "=", jobId)
          .executeTakeFirst();
        return row && toAuditResult(row);
      }),
    list: (orgId, filter = {}) =>
      readTenant(orgId, async (db) => {
        let query = db.selectFrom("auditSummaries").selectAll().where("orgId", "=", orgId);
        if (filter.customerId !== undefined)
          query = query.where("customerId", "=", filter.customerId);
        // Ids are UUIDv7: their order is the order they were made in.
        return (await query.orderBy("id", "desc").execute()).map((row) => ({
          ...row,
          summary: parseJsonText(row.summary),
        }));
      }),
  };
}
