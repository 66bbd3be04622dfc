import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import { createOnce, idempotencyKeyHeaders } from "../create-once.ts";
import { readRequestToday, todayHeaders } from "../read-request-today.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { priceQuote } from "./price-quote.ts";
import { problemResponses } from "./problem-responses.ts";
import { newQuoteSchema, showQuote, storedQuoteSchema } from "./quote-schemas.ts";
import { editorRoles } from "./route-roles.ts";

/**
 * `POST /v1/quotes`: a draft quote for a customer, priced by the `quoteCustomer` use case. A server that
 * needs CALs the quote leaves out without a reason under `terms.omittedCals` is refused (400 with a
 * CALS_NOT_QUOTED problem naming the server), as `calwise quote` refuses it.
 */
export function registerCreateQuoteRoute(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const route = createRoute({
    method: "post",
    path: "/v1/quotes",
    tags: ["quotes"],
    summary: "Create a draft quote",
    request: {
      headers: idempotencyKeyHeaders.extend(todayHeaders.shape),
      body: { required: true, content: { "application/json": { schema: newQuoteSchema } } },
    },
    responses: {
      201: {
        description: "the draft",
        content: { "application/json": { schema: storedQuoteSchema } },
      },
      ...problemResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, editorRoles);
    const body = c.req.valid("json");
    const today = readRequestToday(c, deps.now());
    // Read before the transaction: the embedded store serves one transaction at a time.
    const organisationName = (await deps.store.organisations.get(principal.orgId))?.name;
    const quote = await createOnce(c, deps.store, principal, body, async (tx) => {
      const content = await priceQuote(tx, principal.orgId, body, deps, today, organisationName);
      const draft = await tx.quotes.createDraft(principal.orgId, content);
      await recordChange(tx, c, principal, {
        action: "quote.create",
        targetType: "quote",
        targetId: draft.id,
        details: { total: draft.totalMinor, currency: draft.currency },
      });
      return showQuote(draft);
    });
    return c.json(quote, 201);
  });
}
