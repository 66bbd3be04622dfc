import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { canSeeCustomer } from "../auth/principal.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { storedQuoteSchema } from "./quote-schemas.ts";
import { allRoles } from "./route-roles.ts";

const quoteSummarySchema = storedQuoteSchema
  .pick({
    id: true,
    status: true,
    number: true,
    customerId: true,
    priceListId: true,
    currency: true,
    total: true,
    createdAt: true,
    issuedAt: true,
  })
  .openapi("QuoteSummary");

/** `GET /v1/quotes[?customerId=…&status=…]`: the quotes with their status (a customer user sees its own). */
export function registerListQuotesRoute(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const route = createRoute({
    method: "get",
    path: "/v1/quotes",
    tags: ["quotes"],
    summary: "List quotes",
    request: {
      query: z.object({
        customerId: z.string().min(1).max(100).optional(),
        status: storedQuoteSchema.shape.status.optional(),
      }),
    },
    responses: {
      200: {
        description: "the quotes, oldest first",
        content: {
          "application/json": { schema: z.object({ quotes: z.array(quoteSummarySchema) }) },
        },
      },
      ...problemResponses(400, 401, 403),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const { customerId, status } = c.req.valid("query");
    const quotes = (await deps.store.quotes.list(principal.orgId)).filter(
      (q) =>
        canSeeCustomer(principal, q.customerId) &&
        (customerId === undefined || q.customerId === customerId) &&
        (status === undefined || q.status === status),
    );
    return c.json(
      {
        quotes: quotes.map((q) => ({
          id: q.id,
          status: q.status,
          number: q.number,
          customerId: q.customerId,
          priceListId: q.priceListId,
          currency: q.currency,
          total: q.totalMinor,
          createdAt: q.createdAt,
          issuedAt: q.issuedAt,
        })),
      },
      200,
    );
  });
}
