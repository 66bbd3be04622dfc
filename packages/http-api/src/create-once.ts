import { createHash } from "node:crypto";
import { CalwiseError } from "@calwise/core";
import { runIdempotent, type Store, type TenantRepositories } from "@calwise/storage";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ApiEnv } from "./api-env.ts";
import type { Principal } from "./auth/principal.ts";

/** The request header that makes a create safe to retry (IETF draft "The Idempotency-Key HTTP Header Field"). */
export const idempotencyKeyHeader = "idempotency-key";

/** The answer header that says a request was a replay of an earlier one with the same key or content. */
export const idempotentReplayedHeader = "idempotent-replayed";

/** A key as clients send it: a UUID or any other printable ASCII text of 1 to 255 characters. */
const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, "1 to 255 printable ASCII characters, e.g. a UUID")
  .openapi({
    description:
      "makes the request safe to retry: the same key and request again returns the first answer (with " +
      "`Idempotent-Replayed: true`), creating nothing; the same key with another request is 409",
    example: "0b6d9a52-8f3e-4a39-9a1e-5d3f7c2e4b10",
  });

/** The OpenAPI description and check of the header, for `request.headers` of every creating route. */
export const idempotencyKeyHeaders = z.object({
  [idempotencyKeyHeader]: idempotencyKeySchema.optional(),
});

/** The request's Idempotency-Key, if any; one that is not valid is bad input naming the header. */
function readIdempotencyKey(c: Context<ApiEnv>): string | undefined {
  const key = c.req.header(idempotencyKeyHeader);
  if (key === undefined || idempotencyKeySchema.safeParse(key).success) return key;
  throw new CalwiseError("INPUT_INVALID", "the Idempotency-Key header is not valid", [
    {
      code: "SCHEMA",
      path: "Idempotency-Key",
      message: "the Idempotency-Key header is not valid",
      expected: "1 to 255 printable ASCII characters, e.g. a UUID",
      received: `${key.length} characters`,
    },
  ]);
}

/**
 * Runs a request's work once, in one transaction of the organisation with the records of its keys: the
 * client's Idempotency-Key (from the header) and, for uploads and imports, `contentKey`, which names the
 * content (the same file twice is one upload). A replay returns the first answer and marks the response
 * `Idempotent-Replayed: true`; the client's key with another request (`requestHash`) is CONFLICT. A refused
 * request (any error) stores nothing, so it may be retried with its key. No key: the work just runs.
 */
export async function runOnce<T>(
  c: Context<ApiEnv>,
  store: Store,
  orgId: string,
  request: { readonly requestHash: string; readonly contentKey?: string },
  work: (tx: TenantRepositories) => Promise<T>,
): Promise<{ readonly response: T; readonly replayed: boolean }> {
  const keys = [readIdempotencyKey(c), request.contentKey].filter((k) => k !== undefined);
  const [first, ...rest] = keys;
  if (first === undefined) return { response: await store.transact(orgId, work), replayed: false };
  const outcome = await runIdempotent(
    store,
    orgId,
    { keys: [first, ...rest], requestHash: request.requestHash },
    work,
  );
  if (outcome.kind === "key-reused")
    throw new CalwiseError(
      "CONFLICT",
      "this Idempotency-Key was used for another request: send a new key for a new request",
    );
  const replayed = outcome.kind === "replayed";
  if (replayed) c.header(idempotentReplayedHeader, "true");
  return { response: outcome.response as T, replayed };
}

/**
 * Runs a creating request's work in one transaction of the principal's organisation, once per
 * Idempotency-Key (`runOnce`); the request hash is the user, the method, the path and the body.
 */
export async function createOnce<T>(
  c: Context<ApiEnv>,
  store: Store,
  principal: Principal,
  request: unknown,
  work: (tx: TenantRepositories) => Promise<T>,
): Promise<T> {
  // Without a key there is nothing to hash (the body of an evaluation is large).
  if (c.req.header(idempotencyKeyHeader) === undefined)
    return store.transact(principal.orgId, work);
  const requestHash = createHash("sha256")
    .update(`${principal.userId}\n${c.req.method} ${c.req.path}\n${JSON.stringify(request)}`)
    .digest("hex");
  return (await runOnce(c, store, principal.orgId, { requestHash }, work)).response;
}
