import { checkTrainingAnswer, createTrainingExercise } from "@calwise/app";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { readRequestToday, todayHeaders } from "../read-request-today.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { showScenarioExercise } from "./create-training-exercise-route.ts";
import { problemResponses } from "./problem-responses.ts";
import { readPriceListInForce } from "./read-price-list-in-force.ts";
import { expectedCalsSchema } from "./training-schemas.ts";

const handoutSchema = z
  .object({
    organisation: z.object({ name: z.string() }),
    logo: z.boolean().describe("whether the organisation has a logo (GET /v1/organisation/logo)"),
    priceList: z
      .string()
      .nullable()
      .describe("the price list in force the answers are the cheapest at; null: the fewest CALs"),
    exercises: z.array(
      z.object({
        id: z.string().describe("the scenario's id, or seed-N for a generated exercise"),
        title: z.string().nullable(),
        prompt: z.string(),
        note: z.string().nullable(),
        answer: expectedCalsSchema,
        sentence: z.string(),
        rules: z.array(z.object({ id: z.string(), text: z.string() })),
        sources: z.array(z.object({ id: z.string(), title: z.string(), url: z.string() })),
      }),
    ),
  })
  .openapi("TrainingHandout");

/**
 * `GET /v1/training/handout[?count=N]` (owner): a printable set of exercises with their answers, each with the
 * rule and source behind it: the organisation's scenarios in use, then N generated ones (seeds 1…N, so the
 * handout is the same until the scenarios or prices change), all checked by the engine at its own prices.
 */
export function registerGetTrainingHandoutRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/training/handout",
    tags: ["training"],
    summary: "Exercises with their answers, rules and sources, to print (owner)",
    request: {
      headers: todayHeaders,
      query: z.object({
        count: z.coerce
          .number()
          .int()
          .min(0)
          .max(20)
          .default(4)
          .describe("how many generated exercises follow the organisation's own"),
      }),
    },
    responses: {
      200: {
        description: "the handout",
        content: { "application/json": { schema: handoutSchema } },
      },
      ...problemResponses(400, 401, 403),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, ["owner"]);
    const { count } = c.req.valid("query");
    const [organisation, logo, scenarios, inForce] = await Promise.all([
      deps.store.organisations.get(principal.orgId),
      deps.store.branding.getLogo(principal.orgId),
      deps.store.trainingScenarios.list(principal.orgId),
      readPriceListInForce(deps, principal.orgId, readRequestToday(c, deps.now())),
    ]);
    const prices = inForce?.list;
    const exercises = [
      ...scenarios.map((s) => showScenarioExercise(s, deps.catalog)),
      ...Array.from({ length: count }, (_, i) => ({
        scenarioId: null,
        title: null,
        note: null,
        ...createTrainingExercise(deps.catalog, i + 1),
      })),
    ].map((exercise) => {
      const verdict = checkTrainingAnswer({
        question: exercise.question,
        answer: { cals: [] },
        catalog: deps.catalog,
        prices,
      });
      return {
        id: exercise.scenarioId ?? `seed-${exercise.seed}`,
        title: exercise.title,
        prompt: exercise.prompt,
        note: exercise.note,
        answer: [...verdict.expected],
        sentence: verdict.sentence,
        rules: verdict.rules.map((id) => ({ id, text: deps.catalog.rules.get(id)?.text ?? id })),
        sources: verdict.sources.map((id) => {
          const source = deps.catalog.data.sources[id];
          return { id, title: source?.title ?? id, url: source?.url ?? "" };
        }),
      };
    });
    return c.json(
      {
        organisation: { name: organisation?.name ?? "" },
        logo: logo !== undefined,
        priceList: prices?.name ?? null,
        exercises,
      },
      200,
    );
  });
}
