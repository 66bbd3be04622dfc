import type { Kysely } from "kysely";
import type { TrainingAttemptRepository } from "../port/training-attempt-repository.ts";
import type { Database } from "./database.ts";
import { parseJsonText, toJsonText } from "./json-text.ts";
import type { RepositoryContext } from "./repository-context.ts";

const toAttempt = (row: Database["trainingAttempts"]) => ({
  ...row,
  question: parseJsonText(row.question),
  answer: parseJsonText(row.answer),
  correct: row.correct === 1,
});

/** Training attempts over Kysely; a score is one grouped query (count, sum of right answers, latest time). */
export function createTrainingAttemptRepository(
  context: RepositoryContext,
): TrainingAttemptRepository {
  const { inTenant, readTenant } = context;
  const from = (db: Kysely<Database>) => db.selectFrom("trainingAttempts");
  return {
    record: (orgId, input) =>
      inTenant(orgId, async (db) =>
        toAttempt(
          await db
            .insertInto("trainingAttempts")
            .values({
              orgId,
              id: context.newId(),
              userId: input.userId,
              at: context.now(),
              kind: input.kind,
              seed: input.seed ?? null,
              scenarioId: input.scenarioId ?? null,
              question: toJsonText(input.question),
              answer: toJsonText(input.answer),
              correct: input.correct ? 1 : 0,
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        ),
      ),
    list: (orgId, filter = {}) =>
      readTenant(orgId, async (db) =>
        (
          await from(db)
            .selectAll()
            .where("orgId", "=", orgId)
            .$if(filter.userId !== undefined, (q) => q.where("userId", "=", filter.userId ?? ""))
            .$if(filter.from !== undefined, (q) => q.where("at", ">=", filter.from ?? ""))
            .$if(filter.before !== undefined, (q) => q.where("at", "<", filter.before ?? ""))
            .orderBy("at", "desc")
            .orderBy("id", "desc")
            .execute()
        ).map(toAttempt),
      ),
    score: (orgId, filter = {}) =>
      readTenant(orgId, async (db) => {
        const rows = await from(db)
          .innerJoin("users", (join) =>
            join
              .onRef("users.orgId", "=", "trainingAttempts.orgId")
              .onRef("users.id", "=", "trainingAttempts.userId"),
          )
          .where("trainingAttempts.orgId", "=", orgId)
          .$if(filter.userId !== undefined, (q) =>
            q.where("trainingAttempts.userId", "=", filter.userId ?? ""),
          )
          .$if(filter.from !== undefined, (q) =>
            q.where("trainingAttempts.at", ">=", filter.from ?? ""),
          )
          .$if(filter.before !== undefined, (q) =>
            q.where("trainingAttempts.at", "<", filter.before ?? ""),
          )
          .select((eb) => [
            "trainingAttempts.userId as userId",
            "users.displayName as displayName",
            "users.email as email",
            eb.fn.countAll<number | string>().as("attempts"),
            eb.fn.sum<number | string>("trainingAttempts.correct").as("right"),
            eb.fn.max("trainingAttempts.at").as("lastAttemptAt"),
          ])
          .groupBy(["trainingAttempts.userId", "users.displayName", "users.email"])
          .orderBy("users.displayName")
          .orderBy("trainingAttempts.userId")
          .execute();
        // count and sum are bigint on PostgreSQL (read as safe numbers) and integers on SQLite.
        return rows.map((row) => ({
          userId: row.userId,
          displayName: row.displayName,
          email: row.email,
          attempts: Number(row.attempts),
          right: Number(row.right),
          lastAttemptAt: row.lastAttemptAt,
        }));
      }),
  };
}
