import { createHash } from "node:crypto";
import { answerSaleQuestion, type SaleAnswer, saleQuestionSchema } from "@calwise/app";
import {
  evaluationResultSchema,
  findingSchema,
  type PriceList,
  priceListSchema,
} from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { createBoundedCache } from "../create-bounded-cache.ts";
import { readRequestToday, todayHeaders } from "../read-request-today.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { type PricesInForce, readPriceListInForce } from "./read-price-list-in-force.ts";
import { staffRoles } from "./route-roles.ts";

const saleQuestionBodySchema = saleQuestionSchema
  .extend({
    prices: priceListSchema
      .optional()
      .describe(
        "a price list as data; without one, the organisation's list valid today (if any) prices the packs",
      ),
  })
  .openapi("SaleQuestion");

const saleAnswerSchema = z
  .object({
    question: saleQuestionSchema,
    cals: z.array(
      z.object({
        family: z.string(),
        name: z.string(),
        version: z.string(),
        type: z.enum(["user", "device"]),
        count: z.number().int(),
      }),
    ),
    sentence: z.string().describe("one plain sentence an agent can say to the customer"),
    editionWarnings: z.array(findingSchema),
    compliant: z.boolean(),
    currency: z.string().nullable(),
    priceList: evaluationResultSchema.shape.priceList,
    purchases: evaluationResultSchema.shape.purchases,
    purchaseTotal: z.number().int().nullable(),
    deployment: z
      .record(z.string(), z.unknown())
      .describe("the deployment document the question stands for"),
  })
  .openapi("SaleAnswer");

/** The answer as the client receives it (JSON text), from the use case's answer. */
function writeAnswer(answer: SaleAnswer): string {
  const body = {
    question: answer.question,
    cals: [...answer.cals],
    sentence: answer.sentence,
    editionWarnings: [...answer.editionWarnings],
    compliant: answer.result.compliant,
    currency: answer.result.currency,
    priceList: answer.result.priceList,
    purchases: answer.result.purchases,
    purchaseTotal: answer.result.purchaseTotal,
    deployment: answer.deployment,
  } as z.output<typeof saleAnswerSchema>;
  return JSON.stringify(body);
}

/**
 * `POST /v1/point-of-sale`: the counter question (edition, staff, devices, shared devices, RDS, SQL) answered
 * by the `answerSaleQuestion` use case: CALs, cheapest packs and price, a sentence, the edition warning.
 * Nothing is stored, so it can be asked on every key press.
 */
export function registerAnswerSaleQuestionRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/point-of-sale",
    tags: ["point of sale"],
    summary: "Answer a sale question (nothing stored)",
    request: {
      headers: todayHeaders,
      body: { required: true, content: { "application/json": { schema: saleQuestionBodySchema } } },
    },
    responses: {
      200: {
        description: "answered",
        content: { "application/json": { schema: saleAnswerSchema } },
      },
      ...problemResponses(400, 401, 403),
    },
  });
  // Checked stored price lists, and answers as sent per prices and question (the same question and
  // prices give the same answer: the catalog is the process's), so that an agent typing back to a
  // count asked before costs no evaluation. Bounded by count and by the answers' size.
  const checkedLists = createBoundedCache<PriceList>(256);
  const answers = createBoundedCache<string>(16 * 1024 * 1024, (text) => text.length);
  app.openapi(route, async (c) => {
    const principal = authorise(c, staffRoles);
    const { prices, ...question } = c.req.valid("json");
    const inForce: Omit<PricesInForce, "id"> | undefined =
      prices !== undefined
        ? {
            key: `inline:${createHash("sha256").update(JSON.stringify(prices)).digest("base64")}`,
            list: prices,
          }
        : await readPriceListInForce(
            deps,
            principal.orgId,
            readRequestToday(c, deps.now()),
            checkedLists,
          );
    const key = `${inForce?.key ?? "none"}\n${JSON.stringify(question)}`;
    let text = answers.get(key);
    if (text === undefined) {
      text = writeAnswer(
        answerSaleQuestion({ question, catalog: deps.catalog, prices: inForce?.list }),
      );
      answers.set(key, text);
    }
    // The text is a saleAnswerSchema value as JSON (writeAnswer), which the typed c.json cannot say.
    return c.body(text, 200, { "content-type": "application/json" }) as never;
  });
}
