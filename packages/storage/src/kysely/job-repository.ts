import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { Job, JobLease, JobRepository } from "../port/job-repository.ts";
import { countAffected } from "./count-affected.ts";
import type { Database } from "./database.ts";
import { parseJsonText, toJsonText } from "./json-text.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { selectTenantRow } from "./tenant-row-queries.ts";

const toJob = (row: Database["jobs"]): Job => ({
  ...row,
  input: parseJsonText(row.input),
  result: parseJsonText(row.result),
  error: parseJsonText(row.error),
});

/** Queued, or running under a lease that expired before `now` (its worker died or hung). */
const isClaimable = (now: string) => (eb: ExpressionBuilder<Database, "jobs">) =>
  eb.or([
    eb("state", "=", "queued"),
    eb.and([eb("state", "=", "running"), eb("leaseExpiresAt", "<", now)]),
  ]);

const leaseEnd = (lease: JobLease) => new Date(Date.parse(lease.now) + lease.leaseMs).toISOString();

/** Durable jobs over Kysely: claims are conditional updates, so two workers never hold one job. */
export function createJobRepository(context: RepositoryContext): JobRepository {
  const { inTenant, readTenant } = context;
  const updateHeld = (db: Kysely<Database>, orgId: string, id: string, lease: JobLease) =>
    db
      .updateTable("jobs")
      .where("orgId", "=", orgId)
      .where("id", "=", id)
      .where("state", "=", "running")
      .where("leaseOwner", "=", lease.workerId);
  return {
    enqueue: (orgId, input) =>
      inTenant(orgId, async (db) => {
        const now = context.now();
        const row = await db
          .insertInto("jobs")
          .values({
            orgId,
            id: context.newId(),
            kind: input.kind,
            input: toJsonText(input.input),
            state: "queued",
            progressDone: 0,
            progressTotal: null,
            attempts: 0,
            maxAttempts: input.maxAttempts ?? 3,
            leaseOwner: null,
            leaseExpiresAt: null,
            heartbeatAt: null,
            result: null,
            error: null,
            createdAt: now,
            updatedAt: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toJob(row);
      }),
    get: (orgId, id) =>
      readTenant(orgId, async (db) => {
        const row = await selectTenantRow(db, "jobs", orgId, id);
        return row && toJob(row);
      }),
    list: (orgId, filter = {}) =>
      readTenant(orgId, async (db) => {
        let query = db.selectFrom("jobs").selectAll().where("orgId", "=", orgId);
        if (filter.state !== undefined) query = query.where("state", "=", filter.state);
        return (await query.orderBy("id").execute()).map(toJob);
      }),
    claim: (orgId, lease) =>
      inTenant(orgId, async (db) => {
        for (;;) {
          const candidate = await db
            .selectFrom("jobs")
            .select("id")
            .where("orgId", "=", orgId)
            .where(isClaimable(lease.now))
            .orderBy("id")
            .limit(1)
            .executeTakeFirst();
          if (candidate === undefined) return undefined;
          // Re-checked in the update: a worker that lost the race updates nothing and looks again.
          const claimed = await db
            .updateTable("jobs")
            .set((eb) => ({
              state: "running",
              attempts: eb("attempts", "+", 1),
              leaseOwner: lease.workerId,
              leaseExpiresAt: leaseEnd(lease),
              heartbeatAt: lease.now,
              updatedAt: lease.now,
            }))
            .where("orgId", "=", orgId)
            .where("id", "=", candidate.id)
            .where(isClaimable(lease.now))
            .returningAll()
            .executeTakeFirst();
          if (claimed === undefined) continue;
          if (claimed.attempts <= claimed.maxAttempts) return toJob(claimed);
          await db
            .updateTable("jobs")
            .set({
              state: "failed",
              leaseOwner: null,
              leaseExpiresAt: null,
              attempts: claimed.maxAttempts,
              error: toJsonText({ code: "attempts-exhausted", attempts: claimed.maxAttempts }),
            })
            .where("orgId", "=", orgId)
            .where("id", "=", claimed.id)
            .execute();
        }
      }),
    heartbeat: (orgId, id, lease, progress) =>
      inTenant(orgId, async (db) => {
        const result = await updateHeld(db, orgId, id, lease)
          .set({
            leaseExpiresAt: leaseEnd(lease),
            heartbeatAt: lease.now,
            updatedAt: lease.now,
            progressDone: progress.done,
            ...(progress.total === undefined ? {} : { progressTotal: progress.total }),
          })
          .executeTakeFirst();
        return countAffected(result) > 0;
      }),
    complete: (orgId, id, lease, result) =>
      inTenant(orgId, async (db) => {
        const outcome = await updateHeld(db, orgId, id, lease)
          .set({
            state: "succeeded",
            result: toJsonText(result),
            leaseOwner: null,
            leaseExpiresAt: null,
            updatedAt: lease.now,
          })
          .executeTakeFirst();
        return countAffected(outcome) > 0;
      }),
    requeueHeldBy: (orgId, ownerPrefix, now) =>
      inTenant(orgId, async (db) => {
        if (ownerPrefix === "") throw new Error("requeueHeldBy needs an owner prefix");
        // substr, not LIKE: an instance name may hold % or _, and both databases have substr.
        const outcome = await db
          .updateTable("jobs")
          .set({ state: "queued", leaseOwner: null, leaseExpiresAt: null, updatedAt: now })
          .where("orgId", "=", orgId)
          .where("state", "=", "running")
          .where(sql<string>`substr(lease_owner, 1, ${ownerPrefix.length})`, "=", ownerPrefix)
          .executeTakeFirst();
        return countAffected(outcome);
      }),
    fail: (orgId, id, lease, error) =>
      inTenant(orgId, async (db) => {
        const outcome = await updateHeld(db, orgId, id, lease)
          .set({
            state: "failed",
            error: toJsonText(error),
            leaseOwner: null,
            leaseExpiresAt: null,
            updatedAt: lease.now,
          })
          .executeTakeFirst();
        return countAffected(outcome) > 0;
      }),
  };
}
