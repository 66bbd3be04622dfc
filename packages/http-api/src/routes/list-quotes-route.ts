import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { canSeeQuote } from "./can-see-quote.ts";
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
  .extend({
    customerName: z.string().nullable().openapi({
      description:
        "the customer's name as it is now (null for a quote of no customer, or of one deleted since)",
    }),
  })
  .openapi("QuoteSummary");

/**
 * `GET /v1/quotes[?customerId=…&status=…]`: the quotes with their status and customer's name; a customer user
 * sees its own customer's issued quotes only (never a draft; another customer's id simply lists none), so its
 * screen needs no staff-only list.
 */
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
        canSeeQuote(principal, q) &&
        (customerId === undefined || q.customerId === customerId) &&
        (status === undefined || q.status === status),
    );
    // Names of the customers the principal may see: a customer user reads its own record only.
    const customers =
      principal.role === "customer"
        ? principal.customerId === null
          ? []
          : [await deps.store.customers.get(principal.orgId, principal.customerId)]
        : await deps.store.customers.list(principal.orgId);
    const names = new Map(customers.flatMap((cu) => (cu === undefined ? [] : [[cu.id, cu.name]])));
    return c.json(
      {
        quotes: quotes.map((q) => ({
          id: q.id,
          status: q.status,
          number: q.number,
          customerId: q.customerId,
          customerName: q.customerId === null ? null : (names.get(q.customerId) ?? null),
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
