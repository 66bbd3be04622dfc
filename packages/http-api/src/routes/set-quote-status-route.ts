import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { quoteIdParams, showQuote, storedQuoteSchema } from "./quote-schemas.ts";
import { editorRoles } from "./route-roles.ts";

/** `POST /v1/quotes/{id}/status`: records what became of an issued quote (accepted, declined, withdrawn). */
export function registerSetQuoteStatusRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/quotes/{id}/status",
    tags: ["quotes"],
    summary: "Record an issued quote's outcome",
    request: {
      params: quoteIdParams,
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({ status: z.enum(["accepted", "declined", "withdrawn"]) }),
          },
        },
      },
    },
    responses: {
      200: {
        description: "recorded",
        content: { "application/json": { schema: storedQuoteSchema } },
      },
      ...problemResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, editorRoles);
    const { id } = c.req.valid("param");
    const { status } = c.req.valid("json");
    const quote = await deps.store.transact(principal.orgId, async (tx) => {
      const existing = await tx.quotes.get(principal.orgId, id);
      if (existing === undefined) throw new CalwiseError("NOT_FOUND", "no such quote");
      const moved = await tx.quotes.setStatus(principal.orgId, id, status);
      if (moved === undefined)
        throw new CalwiseError("CONFLICT", `the quote is ${existing.status}, not issued`);
      await recordChange(tx, c, principal, {
        action: "quote.status",
        targetType: "quote",
        targetId: id,
        details: { status },
      });
      return moved;
    });
    return c.json(showQuote(quote), 200);
  });
}
