import { isUniqueViolation } from "./is-unique-violation.ts";
import type { Store, TenantRepositories } from "./store.ts";

/** What a request with idempotency keys came to. */
export type IdempotentOutcome =
  | { readonly kind: "done"; readonly response: unknown }
  | { readonly kind: "replayed"; readonly response: unknown }
  | { readonly kind: "key-reused"; readonly key: string; readonly storedRequestHash: string };

/**
 * Runs `work` at most once per key: in one transaction with the keys' records, so the work and the
 * remembered response commit together. A request may carry several keys (a client's Idempotency-Key and a
 * key naming its content): the first key already stored decides, in the order given. Stored with the same
 * request hash, its response is replayed (and the keys not yet stored remember it too); with another hash,
 * the request is refused (`key-reused`). When two requests race, the loser's transaction (work included)
 * rolls back on a key's unique constraint and it replays the winner's response.
 */
export async function runIdempotent(
  store: Store,
  orgId: string,
  request: { readonly keys: readonly [string, ...string[]]; readonly requestHash: string },
  work: (tx: TenantRepositories) => Promise<unknown>,
): Promise<IdempotentOutcome> {
  const { keys, requestHash } = request;
  const attempt = () =>
    store.transact(orgId, async (tx): Promise<IdempotentOutcome> => {
      const missing: string[] = [];
      let replay: { readonly response: unknown } | undefined;
      for (const key of keys) {
        const stored = await tx.idempotencyKeys.find(orgId, key);
        if (stored === undefined) missing.push(key);
        else if (replay !== undefined) continue;
        else if (stored.requestHash !== requestHash)
          return { kind: "key-reused", key, storedRequestHash: stored.requestHash };
        else replay = { response: stored.response };
      }
      // The response as stored (a JSON round trip), so that the first answer equals its replays.
      let response = replay === undefined ? await work(tx) : replay.response;
      for (const key of missing)
        response = (await tx.idempotencyKeys.save(orgId, { key, requestHash, response })).response;
      return { kind: replay === undefined ? "done" : "replayed", response };
    });
  try {
    return await attempt();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return attempt();
  }
}
