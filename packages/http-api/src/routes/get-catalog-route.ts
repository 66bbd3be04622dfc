import { listCatalog } from "@calwise/app";
import { catalogListingSchema } from "@calwise/core";
import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { allRoles } from "./route-roles.ts";

/** `GET /v1/catalog`: what calwise knows, with its sources and version (the `listCatalog` use case). */
export function registerGetCatalogRoute(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const route = createRoute({
    method: "get",
    path: "/v1/catalog",
    tags: ["catalog"],
    summary: "The catalog (read-only, versioned)",
    responses: {
      200: {
        description: "the catalog listing (docs/catalog.schema.json)",
        content: {
          "application/json": { schema: catalogListingSchema },
        },
      },
      ...problemResponses(401),
    },
  });
  app.openapi(route, (c) => {
    authorise(c, allRoles);
    // The listing is deeply readonly; the response schema's type is the same shape, mutable.
    return c.json(listCatalog(deps.catalog) as z.output<typeof catalogListingSchema>, 200);
  });
}
