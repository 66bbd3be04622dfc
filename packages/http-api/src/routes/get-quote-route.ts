import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { quoteIdParams, showQuote, storedQuoteSchema } from "./quote-schemas.ts";
import { readVisibleQuote } from "./read-visible-quote.ts";
import { allRoles } from "./route-roles.ts";

/**
 * `GET /v1/quotes/{id}`: a quote with its status, number and built content; a customer user reads its own
 * customer's once issued (a draft, like another customer's quote, is 404).
 */
export function registerGetQuoteRoute(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const route = createRoute({
    method: "get",
    path: "/v1/quotes/{id}",
    tags: ["quotes"],
    summary: "Read a quote",
    request: { params: quoteIdParams },
    responses: {
      200: {
        description: "the quote",
        content: { "application/json": { schema: storedQuoteSchema } },
      },
      ...problemResponses(401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    return c.json(
      showQuote(await readVisibleQuote(deps.store, principal, c.req.valid("param").id)),
      200,
    );
  });
}
