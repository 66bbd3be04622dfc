import type { SignInAttemptRepository } from "../port/sign-in-attempt-repository.ts";
import type { RepositoryContext } from "./repository-context.ts";

/** Sign-in attempts over Kysely. */
export function createSignInAttemptRepository(context: RepositoryContext): SignInAttemptRepository {
  const { inTenant } = context;
  return {
    record: (orgId, input) =>
      inTenant(orgId, (db) =>
        db
          .insertInto("signInAttempts")
          .values({
            orgId,
            id: context.newId(),
            email: input.email.toLowerCase(),
            address: input.address,
            outcome: input.outcome,
            at: context.now(),
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      ),
    countFailures: (orgId, query) =>
      inTenant(orgId, async (db) => {
        const row = await db
          .selectFrom("signInAttempts")
          .select((eb) => eb.fn.countAll<number>().as("failures"))
          .where("orgId", "=", orgId)
          .where("outcome", "=", "failed")
          .where("at", ">=", query.since)
          .where((eb) =>
            eb.or([
              ...(query.email === undefined ? [] : [eb("email", "=", query.email.toLowerCase())]),
              ...(query.address === undefined ? [] : [eb("address", "=", query.address)]),
            ]),
          )
          .executeTakeFirstOrThrow();
        return Number(row.failures);
      }),
  };
}
