import type { Kysely } from "kysely";
import type { DeploymentRepository, DeploymentRevision } from "../port/deployment-repository.ts";
import type { Database } from "./database.ts";
import { parseJsonText, toJsonText } from "./json-text.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { selectTenantRow } from "./tenant-row-queries.ts";

/** Versioned deployments over Kysely: a head row with the latest number, and immutable revisions. */
export function createDeploymentRepository(context: RepositoryContext): DeploymentRepository {
  const { inTenant, readTenant } = context;
  const insertRevision = async (
    db: Kysely<Database>,
    row: Omit<Database["deploymentRevisions"], "document"> & { readonly document: unknown },
  ): Promise<DeploymentRevision> => {
    const stored = await db
      .insertInto("deploymentRevisions")
      .values({ ...row, document: toJsonText(row.document) })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ...stored, document: parseJsonText(stored.document) };
  };
  return {
    create: (orgId, input) =>
      inTenant(orgId, async (db) => {
        const now = context.now();
        const deployment = await db
          .insertInto("deployments")
          .values({
            orgId,
            id: context.newId(),
            customerId: input.customerId ?? null,
            name: input.name,
            latestRevision: 1,
            createdAt: now,
            updatedAt: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const revision = await insertRevision(db, {
          orgId,
          deploymentId: deployment.id,
          revision: 1,
          document: input.document,
          createdAt: now,
          createdBy: input.createdBy ?? null,
        });
        return { deployment, revision };
      }),
    get: (orgId, id) => readTenant(orgId, (db) => selectTenantRow(db, "deployments", orgId, id)),
    list: (orgId, filter = {}) =>
      readTenant(orgId, (db) => {
        let query = db.selectFrom("deployments").selectAll().where("orgId", "=", orgId);
        if (filter.customerId !== undefined)
          query = query.where("customerId", "=", filter.customerId);
        return query.orderBy("name").orderBy("id").execute();
      }),
    saveRevision: (orgId, deploymentId, input) =>
      inTenant(orgId, async (db) => {
        const now = context.now();
        // The increment locks the head row, so concurrent saves get consecutive numbers.
        const head = await db
          .updateTable("deployments")
          .set((eb) => ({ latestRevision: eb("latestRevision", "+", 1), updatedAt: now }))
          .where("orgId", "=", orgId)
          .where("id", "=", deploymentId)
          .returning("latestRevision")
          .executeTakeFirst();
        if (head === undefined) return undefined;
        return insertRevision(db, {
          orgId,
          deploymentId,
          revision: head.latestRevision,
          document: input.document,
          createdAt: now,
          createdBy: input.createdBy ?? null,
        });
      }),
    getRevision: (orgId, deploymentId, revision) =>
      readTenant(orgId, async (db) => {
        const row = await db
          .selectFrom("deploymentRevisions")
          .selectAll()
          .where("orgId", "=", orgId)
          .where("deploymentId", "=", deploymentId)
          .where("revision", "=", revision)
          .executeTakeFirst();
        return row && { ...row, document: parseJsonText(row.document) };
      }),
    listRevisions: (orgId, deploymentId) =>
      readTenant(orgId, async (db) => {
        const rows = await db
          .selectFrom("deploymentRevisions")
          .selectAll()
          .where("orgId", "=", orgId)
          .where("deploymentId", "=", deploymentId)
          .orderBy("revision")
          .execute();
        return rows.map((row) => ({ ...row, document: parseJsonText(row.document) }));
      }),
  };
}
