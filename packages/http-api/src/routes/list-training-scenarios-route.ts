import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { staffRoles } from "./route-roles.ts";
import { scenarioSchema, showScenario } from "./training-schemas.ts";

/** `GET /v1/training/scenarios[?retired=true]`: the organisation's own scenarios, oldest first. */
export function registerListTrainingScenariosRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/training/scenarios",
    tags: ["training"],
    summary: "List the organisation's training scenarios",
    request: {
      query: z.object({
        retired: z
          .enum(["true", "false"])
          .optional()
          .describe("include the retired ones (default: only those in use)"),
      }),
    },
    responses: {
      200: {
        description: "the scenarios",
        content: {
          "application/json": {
            schema: z.object({ scenarios: z.array(scenarioSchema) }).openapi("TrainingScenarios"),
          },
        },
      },
      ...problemResponses(400, 401, 403),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, staffRoles);
    const scenarios = await deps.store.trainingScenarios.list(principal.orgId, {
      includeRetired: c.req.valid("query").retired === "true",
    });
    return c.json({ scenarios: scenarios.map(showScenario) }, 200);
  });
}
