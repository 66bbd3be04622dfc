import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import { readRequestToday, todayHeaders } from "../read-request-today.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { priceQuote } from "./price-quote.ts";
import { problemResponses } from "./problem-responses.ts";
import { newQuoteSchema, quoteIdParams, showQuote, storedQuoteSchema } from "./quote-schemas.ts";
import { editorRoles } from "./route-roles.ts";

/**
 * `PUT /v1/quotes/{id}`: re-prices a draft from a new request. An issued quote never changes (409); CAL
 * lines cannot be dropped without a recorded reason (400 CALS_NOT_QUOTED, as on create).
 */
export function registerUpdateQuoteRoute(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const route = createRoute({
    method: "put",
    path: "/v1/quotes/{id}",
    tags: ["quotes"],
    summary: "Change a draft quote",
    request: {
      headers: todayHeaders,
      params: quoteIdParams,
      body: { required: true, content: { "application/json": { schema: newQuoteSchema } } },
    },
    responses: {
      200: {
        description: "the draft",
        content: { "application/json": { schema: storedQuoteSchema } },
      },
      ...problemResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, editorRoles);
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const today = readRequestToday(c, deps.now());
    // Read before the transaction: the embedded store serves one transaction at a time.
    const organisationName = (await deps.store.organisations.get(principal.orgId))?.name;
    const quote = await deps.store.transact(principal.orgId, async (tx) => {
      const existing = await tx.quotes.get(principal.orgId, id);
      if (existing === undefined) throw new CalwiseError("NOT_FOUND", "no such quote");
      if (existing.status !== "draft")
        throw new CalwiseError(
          "CONFLICT",
          `quote ${existing.number} is ${existing.status}: an issued quote never changes`,
        );
      const content = await priceQuote(tx, principal.orgId, body, deps, today, organisationName);
      const updated = await tx.quotes.updateDraft(principal.orgId, id, content);
      if (updated === undefined)
        throw new CalwiseError("CONFLICT", "the quote was issued meanwhile");
      await recordChange(tx, c, principal, {
        action: "quote.update",
        targetType: "quote",
        targetId: id,
        details: { total: updated.totalMinor, currency: updated.currency },
      });
      return updated;
    });
    return c.json(showQuote(quote), 200);
  });
}
