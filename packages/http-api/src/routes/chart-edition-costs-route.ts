import {
  chartEditionCostsInTurns,
  costGrowthSchema,
  editionCostChartSchema,
  evaluateUntilProven,
} from "@calwise/app";
import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { giveWayToForeground } from "../foreground-requests.ts";
import { readRequestToday, todayHeaders } from "../read-request-today.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { adviceRequestSchema, readAdvicePriceLists } from "./advise-edition-route.ts";
import { problemResponses } from "./problem-responses.ts";
import { staffRoles } from "./route-roles.ts";

const costChartRequestSchema = adviceRequestSchema
  .extend({ growth: costGrowthSchema.optional() })
  .openapi("EditionCostChartRequest");

/**
 * `POST /v1/advice/costs`: the cost of each edition legal today, and its CALs, as the profile's staff and
 * devices grow (the `chartEditionCosts` use case: the advice re-run at each point, in turns: the requests being answered
 * finish between points). Computes; stores nothing.
 */
export function registerChartEditionCostsRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/advice/costs",
    tags: ["advice"],
    summary: "Edition costs as a customer profile grows",
    request: {
      headers: todayHeaders,
      body: {
        required: true,
        content: { "application/json": { schema: costChartRequestSchema } },
      },
    },
    responses: {
      200: {
        description: "each edition legal today, its cost at each point of the growth",
        content: { "application/json": { schema: editionCostChartSchema } },
      },
      ...problemResponses(400, 401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, staffRoles);
    const body = c.req.valid("json");
    const priceLists = await readAdvicePriceLists(deps, principal.orgId, body);
    // Through the same solver gate as POST /v1/advice, so each point is what the advice answers.
    const chart = await evaluateUntilProven(
      (evaluation) =>
        chartEditionCostsInTurns(
          {
            profile: body.profile,
            priceLists,
            ...(body.currency !== undefined ? { currency: body.currency } : {}),
            date: body.date ?? readRequestToday(c, deps.now()),
            catalog: deps.catalog,
            ...(body.growth !== undefined ? { growth: body.growth } : {}),
            fieldNames: { currency: "currency", priceLists: "priceListId" },
            evaluation,
          },
          // Between points the requests being answered go first: an issue waits one point, not the chart.
          giveWayToForeground,
        ),
      deps.loadSolver,
    );
    // The use case's answer is deeply readonly; the response schema's type is the same shape, mutable.
    return c.json(chart as z.output<typeof editionCostChartSchema>, 200);
  });
}
