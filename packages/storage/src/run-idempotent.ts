import { isUniqueViolation } from "./is-unique-violation.ts";
import type { Store, TenantRepositories } from "./store.ts";

/** What a request with an Idempotency-Key came to. */
export type IdempotentOutcome =
  | { readonly kind: "done"; readonly response: unknown }
  | { readonly kind: "replayed"; readonly response: unknown }
  | { readonly kind: "key-reused"; readonly storedRequestHash: string };

/**
 * Runs `work` at most once per key: in one transaction with the key's record, so the work and the
 * remembered response commit together. The same key again replays the stored response; the same key
 * with another request is refused. When two requests race, the loser's transaction (work included)
 * rolls back on the key's unique constraint and it replays the winner's response.
 */
export async function runIdempotent(
  store: Store,
  orgId: string,
  request: { readonly key: string; readonly requestHash: string },
  work: (tx: TenantRepositories) => Promise<unknown>,
): Promise<IdempotentOutcome> {
  const attempt = () =>
    store.transact(orgId, async (tx): Promise<IdempotentOutcome> => {
      const stored = await tx.idempotencyKeys.find(orgId, request.key);
      if (stored !== undefined) {
        return stored.requestHash === request.requestHash
          ? { kind: "replayed", response: stored.response }
          : { kind: "key-reused", storedRequestHash: stored.requestHash };
      }
      const response = await work(tx);
      const saved = await tx.idempotencyKeys.save(orgId, { ...request, response });
      return { kind: "done", response: saved.response };
    });
  try {
    return await attempt();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return attempt();
  }
}
