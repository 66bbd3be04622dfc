import { CalwiseError } from "@calwise/core";
import { isUniqueViolation, type Store, type TenantRepositories } from "@calwise/storage";

/** A request that must take effect once: the key of its content, and the client's Idempotency-Key. */
export interface OnceRequest {
  /** Names the content (`evidence-upload:<sha256>`): the same content again replays the first answer. */
  readonly contentKey: string;
  /** A hash of what the request asks for: the same client key with another request is a conflict. */
  readonly requestHash: string;
  readonly idempotencyKey?: string;
}

/**
 * Runs `work` once per content and once per Idempotency-Key, in one transaction with both keys' records
 * (the idempotency-key table), so the work and the remembered answer commit together: the same file
 * twice, or the same key twice, replays the first answer and changes nothing. The same key with
 * other content is 409 CONFLICT. When two requests race, the loser's transaction rolls back on the
 * key's unique constraint and it replays the winner's answer.
 */
export async function runOncePerContent<R>(
  store: Store,
  orgId: string,
  request: OnceRequest,
  work: (tx: TenantRepositories) => Promise<R>,
): Promise<{ readonly response: R; readonly replayed: boolean }> {
  const attempt = () =>
    store.transact(orgId, async (tx) => {
      const { idempotencyKey, requestHash } = request;
      if (idempotencyKey !== undefined) {
        const stored = await tx.idempotencyKeys.find(orgId, idempotencyKey);
        if (stored !== undefined && stored.requestHash !== requestHash)
          throw new CalwiseError(
            "CONFLICT",
            "this Idempotency-Key was sent with another request: use a new key for new content",
          );
        if (stored !== undefined) return { response: stored.response as R, replayed: true };
      }
      const same = await tx.idempotencyKeys.find(orgId, request.contentKey);
      const outcome =
        same !== undefined
          ? { response: same.response as R, replayed: true }
          : { response: await work(tx), replayed: false };
      if (!outcome.replayed)
        await tx.idempotencyKeys.save(orgId, {
          key: request.contentKey,
          requestHash,
          response: outcome.response,
        });
      if (idempotencyKey !== undefined)
        await tx.idempotencyKeys.save(orgId, {
          key: idempotencyKey,
          requestHash,
          response: outcome.response,
        });
      return outcome;
    });
  try {
    return await attempt();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return attempt();
  }
}
