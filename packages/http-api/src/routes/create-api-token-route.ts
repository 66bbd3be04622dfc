import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import { createSecretToken, hashToken } from "../auth/secret-token.ts";
import { idempotencyKeyHeader } from "../create-once.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { allRoles } from "./route-roles.ts";

const newTokenSchema = z.object({ name: z.string().min(1).max(200) }).openapi("NewApiToken");
const createdTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    token: z
      .string()
      .openapi({ description: "shown this once; send it as `Authorization: Bearer …`" }),
    createdAt: z.string(),
  })
  .openapi("CreatedApiToken");

/** `POST /v1/api-tokens`: a token for scripts, acting as the signed-in user; only its hash is stored, so it takes no Idempotency-Key. */
export function registerCreateApiTokenRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/api-tokens",
    tags: ["accounts"],
    summary: "Create an API token (shown once)",
    request: {
      body: { required: true, content: { "application/json": { schema: newTokenSchema } } },
    },
    responses: {
      201: {
        description: "created",
        content: { "application/json": { schema: createdTokenSchema } },
      },
      ...problemResponses(400, 401, 403),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const { name } = c.req.valid("json");
    // A replay would need the secret, which is stored nowhere: say so rather than ignore the key.
    if (c.req.header(idempotencyKeyHeader) !== undefined)
      throw new CalwiseError("INPUT_INVALID", "an API token cannot be created idempotently", [
        {
          code: "SCHEMA",
          path: "Idempotency-Key",
          message:
            "a token's secret is shown once and stored only hashed, so its answer cannot be replayed; if the answer was lost, revoke the token and create another",
          expected: "no Idempotency-Key header",
          received: "an Idempotency-Key header",
        },
      ]);
    const token = createSecretToken(principal.orgId);
    const created = await deps.store.transact(principal.orgId, async (tx) => {
      const record = await tx.apiTokens.create(principal.orgId, {
        userId: principal.userId,
        name,
        tokenHash: hashToken(token),
      });
      await recordChange(tx, c, principal, {
        action: "api-token.create",
        targetType: "api-token",
        targetId: record.id,
      });
      return record;
    });
    return c.json({ id: created.id, name: created.name, token, createdAt: created.createdAt }, 201);
  });
}
