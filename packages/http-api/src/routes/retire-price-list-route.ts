import { CalwiseError, isoDateSchema } from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import { readRequestToday, todayHeaders } from "../read-request-today.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { priceListIdParams, priceListSchema, showPriceList } from "./price-list-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { editorRoles } from "./route-roles.ts";

/**
 * `POST /v1/price-lists/{id}/retire`: ends a list's validity (today unless `validTo` says otherwise). The
 * list stays, so the quotes priced from it still name it; no quote dated later picks it.
 */
export function registerRetirePriceListRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/price-lists/{id}/retire",
    tags: ["price lists"],
    summary: "Retire a price list (end its validity)",
    request: {
      headers: todayHeaders,
      params: priceListIdParams,
      body: {
        required: false,
        content: {
          "application/json": {
            schema: z.object({
              validTo: isoDateSchema
                .optional()
                .describe("its last day (inclusive); today when absent"),
            }),
          },
        },
      },
    },
    responses: {
      200: { description: "retired", content: { "application/json": { schema: priceListSchema } } },
      ...problemResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, editorRoles);
    const { id } = c.req.valid("param");
    const validTo = c.req.valid("json")?.validTo ?? readRequestToday(c, deps.now());
    const retired = await deps.store.transact(principal.orgId, async (tx) => {
      const list = await tx.priceLists.get(principal.orgId, id);
      if (list === undefined) throw new CalwiseError("NOT_FOUND", "no such price list");
      if (validTo < list.validFrom)
        throw new CalwiseError(
          "CONFLICT",
          `the list starts on ${list.validFrom}: it cannot end on ${validTo}; delete it if no quote used it`,
        );
      const saved = await tx.priceLists.retire(principal.orgId, id, validTo);
      await recordChange(tx, c, principal, {
        action: "price-list.retire",
        targetType: "price-list",
        targetId: id,
        details: { validTo },
      });
      return saved ?? list;
    });
    return c.json(showPriceList(retired), 200);
  });
}
