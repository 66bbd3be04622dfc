import type { EvaluationRepository } from "../port/evaluation-repository.ts";
import type { Database } from "./database.ts";
import { parseJsonText, toJsonText } from "./json-text.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { selectTenantRow } from "./tenant-row-queries.ts";

const toEvaluation = (row: Database["evaluations"]) => ({
  ...row,
  result: parseJsonText(row.result),
});

/** Stored evaluations over Kysely. */
export function createEvaluationRepository(context: RepositoryContext): EvaluationRepository {
  const { inTenant, readTenant } = context;
  return {
    create: (orgId, input) =>
      inTenant(orgId, async (db) =>
        toEvaluation(
          await db
            .insertInto("evaluations")
            .values({
              orgId,
              id: context.newId(),
              deploymentId: input.deploymentId,
              revision: input.revision,
              catalogVersion: input.catalogVersion,
              result: toJsonText(input.result),
              createdAt: context.now(),
              priceListId: input.priceListId ?? null,
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        ),
      ),
    get: (orgId, id) =>
      readTenant(orgId, async (db) => {
        const row = await selectTenantRow(db, "evaluations", orgId, id);
        return row && toEvaluation(row);
      }),
    listOfDeployment: (orgId, deploymentId) =>
      readTenant(orgId, async (db) => {
        const rows = await db
          .selectFrom("evaluations")
          .selectAll()
          .where("orgId", "=", orgId)
          .where("deploymentId", "=", deploymentId)
          .orderBy("id", "desc")
          .execute();
        return rows.map(toEvaluation);
      }),
  };
}
