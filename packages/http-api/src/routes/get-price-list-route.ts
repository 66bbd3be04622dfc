import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { priceListIdParams, priceListSchema, showPriceList } from "./price-list-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { staffRoles } from "./route-roles.ts";

/** `GET /v1/price-lists/{id}`: one stored price list with its document. */
export function registerGetPriceListRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/price-lists/{id}",
    tags: ["price lists"],
    summary: "Read a price list",
    request: { params: priceListIdParams },
    responses: {
      200: {
        description: "the price list",
        content: { "application/json": { schema: priceListSchema } },
      },
      ...problemResponses(401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, staffRoles);
    const list = await deps.store.priceLists.get(principal.orgId, c.req.valid("param").id);
    if (list === undefined) throw new CalwiseError("NOT_FOUND", "no such price list");
    return c.json(showPriceList(list), 200);
  });
}
