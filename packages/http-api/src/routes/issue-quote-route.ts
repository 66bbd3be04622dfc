import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { quoteIdParams, showQuote, storedQuoteSchema } from "./quote-schemas.ts";
import { editorRoles } from "./route-roles.ts";

/** `POST /v1/quotes/{id}/issue`: gives a draft the organisation's next number; from then on it never changes. */
export function registerIssueQuoteRoute(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const route = createRoute({
    method: "post",
    path: "/v1/quotes/{id}/issue",
    tags: ["quotes"],
    summary: "Issue a draft quote (numbers it; immutable afterwards)",
    request: { params: quoteIdParams },
    responses: {
      200: {
        description: "issued",
        content: { "application/json": { schema: storedQuoteSchema } },
      },
      ...problemResponses(401, 403, 404, 409),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, editorRoles);
    const { id } = c.req.valid("param");
    const quote = await deps.store.transact(principal.orgId, async (tx) => {
      const existing = await tx.quotes.get(principal.orgId, id);
      if (existing === undefined) throw new CalwiseError("NOT_FOUND", "no such quote");
      const issued = await tx.quotes.issue(principal.orgId, id);
      if (issued === undefined)
        throw new CalwiseError(
          "CONFLICT",
          `quote ${existing.number} is already ${existing.status}`,
        );
      await recordChange(tx, c, principal, {
        action: "quote.issue",
        targetType: "quote",
        targetId: id,
        details: { number: issued.number },
      });
      return issued;
    });
    return c.json(showQuote(quote), 200);
  });
}
