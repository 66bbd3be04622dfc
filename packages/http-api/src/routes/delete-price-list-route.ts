import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { isForeignKeyViolation } from "./is-foreign-key-violation.ts";
import { priceListIdParams } from "./price-list-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { editorRoles } from "./route-roles.ts";

/** `DELETE /v1/price-lists/{id}`: removes a list no quote was priced from (else CONFLICT: retire it instead). */
export function registerDeletePriceListRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "delete",
    path: "/v1/price-lists/{id}",
    tags: ["price lists"],
    summary: "Delete a price list no quote used",
    request: { params: priceListIdParams },
    responses: { 204: { description: "deleted" }, ...problemResponses(401, 403, 404, 409) },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, editorRoles);
    const { id } = c.req.valid("param");
    try {
      await deps.store.transact(principal.orgId, async (tx) => {
        if (!(await tx.priceLists.delete(principal.orgId, id)))
          throw new CalwiseError("NOT_FOUND", "no such price list");
        await recordChange(tx, c, principal, {
          action: "price-list.delete",
          targetType: "price-list",
          targetId: id,
        });
      });
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw new CalwiseError("CONFLICT", "quotes were priced from this list: retire it instead");
    }
    return c.body(null, 204);
  });
}
