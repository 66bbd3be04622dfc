import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { scenarioSchema, showScenario } from "./training-schemas.ts";

/**
 * `POST /v1/training/scenarios/{id}/retire` (owner): no longer drawn for exercises. Scenarios are retired,
 * never deleted, so the attempts that answered one still name it.
 */
export function registerRetireTrainingScenarioRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/training/scenarios/{id}/retire",
    tags: ["training"],
    summary: "Retire a training scenario (owner)",
    request: { params: z.object({ id: z.string().min(1).max(100) }) },
    responses: {
      200: { description: "retired", content: { "application/json": { schema: scenarioSchema } } },
      ...problemResponses(401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, ["owner"]);
    const { id } = c.req.valid("param");
    const retired = await deps.store.transact(principal.orgId, async (tx) => {
      const saved = await tx.trainingScenarios.retire(principal.orgId, id);
      if (saved === undefined) throw new CalwiseError("NOT_FOUND", "no such training scenario");
      await recordChange(tx, c, principal, {
        action: "training-scenario.retire",
        targetType: "training-scenario",
        targetId: id,
      });
      return saved;
    });
    return c.json(showScenario(retired), 200);
  });
}
