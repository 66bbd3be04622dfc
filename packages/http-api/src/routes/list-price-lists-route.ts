import { isoDateSchema } from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { priceListSchema, showPriceList } from "./price-list-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { staffRoles } from "./route-roles.ts";

/** `GET /v1/price-lists[?validOn=YYYY-MM-DD]`: the organisation's lists, or those valid on a date (latest start first). */
export function registerListPriceListsRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/price-lists",
    tags: ["price lists"],
    summary: "List price lists",
    request: {
      query: z.object({
        validOn: isoDateSchema.optional().describe("only the lists valid on this day"),
      }),
    },
    responses: {
      200: {
        description: "the price lists",
        content: {
          "application/json": { schema: z.object({ priceLists: z.array(priceListSchema) }) },
        },
      },
      ...problemResponses(400, 401, 403),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, staffRoles);
    const { validOn } = c.req.valid("query");
    const lists =
      validOn === undefined
        ? await deps.store.priceLists.list(principal.orgId)
        : await deps.store.priceLists.listValidOn(principal.orgId, validOn);
    return c.json({ priceLists: lists.map(showPriceList) }, 200);
  });
}
