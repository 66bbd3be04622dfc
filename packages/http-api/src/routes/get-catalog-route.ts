import { listCatalog } from "@calwise/app";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
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
          "application/json": { schema: z.record(z.string(), z.unknown()).openapi("Catalog") },
        },
      },
      ...problemResponses(401),
    },
  });
  app.openapi(route, (c) => {
    authorise(c, allRoles);
    return c.json(listCatalog(deps.catalog) as Record<string, unknown>, 200);
  });
}
