import { adviseCustomer, evaluateUntilProven } from "@calwise/app";
import {
  CalwiseError,
  customerProfileSchema,
  type DatedPriceList,
  editionAdviceSchema,
  isoDateSchema,
} from "@calwise/core";
import type { PriceList } from "@calwise/storage";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { readRequestToday, todayHeaders } from "../read-request-today.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { toDatedPriceList } from "./price-quote.ts";
import { problemResponses } from "./problem-responses.ts";
import { staffRoles } from "./route-roles.ts";

/** What the advice routes take: the profile, the date and which prices. */
export const adviceRequestSchema = z
  .object({
    profile: customerProfileSchema,
    date: isoDateSchema.optional().describe("the day whose prices apply (today when absent)"),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional()
      .openapi({
        description: "the currency, when lists in several currencies are valid on the date",
      }),
    priceListId: z.string().min(1).max(100).optional().openapi({
      description:
        "price with this list only; by default the organisation's list valid on the date",
    }),
    unpriced: z.boolean().default(false).openapi({
      description:
        "rank by CALs to buy, with no price list (as `calwise advise` without --price-list)",
    }),
  })
  .openapi("AdviceRequest");

/**
 * `POST /v1/advice`: which edition serves a customer profile, cheapest first (the `adviseCustomer` use case
 * over the organisation's price lists, chosen by date and currency). Computes; stores nothing.
 */
export function registerAdviseEditionRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/advice",
    tags: ["advice"],
    summary: "Advise an edition for a customer profile",
    request: {
      headers: todayHeaders,
      body: { required: true, content: { "application/json": { schema: adviceRequestSchema } } },
    },
    responses: {
      200: {
        description: "every edition evaluated, ranked by cost",
        content: { "application/json": { schema: editionAdviceSchema } },
      },
      ...problemResponses(400, 401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, staffRoles);
    const body = c.req.valid("json");
    const lists = await readAdvicePriceLists(deps, principal.orgId, body);
    const advice = await evaluateUntilProven(
      (evaluation) =>
        adviseCustomer({
          profile: body.profile,
          priceLists: lists,
          ...(body.currency !== undefined ? { currency: body.currency } : {}),
          date: body.date ?? readRequestToday(c, deps.now()),
          catalog: deps.catalog,
          fieldNames: { currency: "currency", priceLists: "priceListId" },
          evaluation,
        }),
      deps.loadSolver,
    );
    // The use case's answer is deeply readonly; the response schema's type is the same shape, mutable.
    return c.json(advice as z.output<typeof editionAdviceSchema>, 200);
  });
}

/** The lists an advice request prices with: none (unpriced), the one it names, or all the organisation's. */
export async function readAdvicePriceLists(
  deps: ServerDependencies,
  orgId: string,
  body: { readonly unpriced: boolean; readonly priceListId?: string | undefined },
): Promise<DatedPriceList[]> {
  const records: readonly (PriceList | undefined)[] = body.unpriced
    ? []
    : body.priceListId === undefined
      ? await deps.store.priceLists.list(orgId)
      : [await deps.store.priceLists.get(orgId, body.priceListId)];
  return records.map((r) => {
    if (r === undefined) throw new CalwiseError("NOT_FOUND", "no such price list");
    return toDatedPriceList(r);
  });
}
