import type { TrainingScenarioRepository } from "../port/training-scenario-repository.ts";
import type { Database } from "./database.ts";
import { parseJsonText, toJsonText } from "./json-text.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { selectTenantRow } from "./tenant-row-queries.ts";

const toScenario = (row: Database["trainingScenarios"]) => ({
  ...row,
  question: parseJsonText(row.question),
});

/** The organisation's training scenarios over Kysely; retiring stamps `retired_at` once. */
export function createTrainingScenarioRepository(
  context: RepositoryContext,
): TrainingScenarioRepository {
  const { inTenant, readTenant } = context;
  return {
    create: (orgId, input) =>
      inTenant(orgId, async (db) =>
        toScenario(
          await db
            .insertInto("trainingScenarios")
            .values({
              orgId,
              id: context.newId(),
              title: input.title,
              question: toJsonText(input.question),
              note: input.note ?? null,
              createdAt: context.now(),
              createdBy: input.createdBy ?? null,
              retiredAt: null,
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        ),
      ),
    get: (orgId, id) =>
      readTenant(orgId, async (db) => {
        const row = await selectTenantRow(db, "trainingScenarios", orgId, id);
        return row && toScenario(row);
      }),
    list: (orgId, options = {}) =>
      readTenant(orgId, async (db) => {
        let query = db.selectFrom("trainingScenarios").selectAll().where("orgId", "=", orgId);
        if (options.includeRetired !== true) query = query.where("retiredAt", "is", null);
        return (await query.orderBy("createdAt").orderBy("id").execute()).map(toScenario);
      }),
    retire: (orgId, id) =>
      inTenant(orgId, async (db) => {
        await db
          .updateTable("trainingScenarios")
          .set({ retiredAt: context.now() })
          .where("orgId", "=", orgId)
          .where("id", "=", id)
          .where("retiredAt", "is", null)
          .execute();
        const row = await selectTenantRow(db, "trainingScenarios", orgId, id);
        return row && toScenario(row);
      }),
  };
}
