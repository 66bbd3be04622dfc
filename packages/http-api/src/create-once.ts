import { createHash } from "node:crypto";
import { CalwiseError } from "@calwise/core";
import { runIdempotent, type Store, type TenantRepositories } from "@calwise/storage";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ApiEnv } from "./api-env.ts";
import type { Principal } from "./auth/principal.ts";

/** The request header that makes a create safe to retry (IETF draft "The Idempotency-Key HTTP Header Field"). */
export const idempotencyKeyHeader = "idempotency-key";

/** A key as clients send it: a UUID or any other printable text up to 255 characters. */
const keyPattern = /^[\x21-\x7e]{1,255}$/;

/**
 * Runs a creating request's work in one transaction of the principal's organisation. With an
 * Idempotency-Key header the work runs at most once per key (`runIdempotent`): the same key and request
 * again replays the first answer (marked `Idempotent-Replayed: true`), the same key with another request
 * is CONFLICT. A refused request (any error) stores nothing, so it may be retried with its key.
 */
export async function createOnce<T>(
  c: Context<ApiEnv>,
  store: Store,
  principal: Principal,
  request: unknown,
  work: (tx: TenantRepositories) => Promise<T>,
): Promise<T> {
  const key = c.req.header(idempotencyKeyHeader);
  if (key === undefined) return store.transact(principal.orgId, work);
  if (!keyPattern.test(key))
    throw new CalwiseError("INPUT_INVALID", "the Idempotency-Key header is not valid", [
      {
        code: "SCHEMA",
        path: "Idempotency-Key",
        message: "the Idempotency-Key header is not valid",
        expected: "1 to 255 printable ASCII characters, e.g. a UUID",
        received: `${key.length} characters`,
      },
    ]);
  const requestHash = createHash("sha256")
    .update(`${principal.userId}\n${c.req.method} ${c.req.path}\n${JSON.stringify(request)}`)
    .digest("hex");
  const outcome = await runIdempotent(store, principal.orgId, { key, requestHash }, work);
  if (outcome.kind === "key-reused")
    throw new CalwiseError(
      "CONFLICT",
      "this Idempotency-Key was used for another request: send a new key for a new request",
    );
  if (outcome.kind === "replayed") c.header("idempotent-replayed", "true");
  return outcome.response as T;
}

/** The OpenAPI description of the header, for `request.headers` of every creating route. */
export const idempotencyKeyHeaders = z.object({
  "idempotency-key": z.string().min(1).max(255).optional().openapi({
    description:
      "makes the request safe to retry: the same key and body again returns the first answer, creating nothing",
    example: "0b6d9a52-8f3e-4a39-9a1e-5d3f7c2e4b10",
  }),
});
