import { listMonths, summariseSales } from "@calwise/app";
import { CalwiseError, type Quote } from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import type { StoredQuoteDocument } from "./quote-schemas.ts";
import { staffRoles } from "./route-roles.ts";
import { showScore, trainingScoreSchema } from "./training-schemas.ts";

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month as YYYY-MM");

/** The longest period one request may cover. */
const maxMonths = 36;

const count = z.number().int();

const figuresSchema = z.object({
  created: count.describe("quotes created in the month"),
  byStatus: z
    .object({
      draft: count,
      issued: count,
      accepted: count,
      declined: count,
      withdrawn: count,
    })
    .describe("the quotes created in the month, by the status they have now"),
  issued: count.describe("quotes issued in the month, whatever their status now"),
  calServerQuotes: count.describe(
    "quotes created in the month that sell a server whose edition needs CALs (or record why CALs are left out)",
  ),
  calsAttached: count.describe(
    "of those, quotes that buy CALs or an External Connector and leave no CALs out with a recorded reason",
  ),
  attachRateBasisPoints: count
    .nullable()
    .describe(
      "calsAttached / calServerQuotes in basis points (10000 = 100 %), half up; null: no such quote",
    ),
  revenue: z
    .array(
      z.object({
        currency: z.string(),
        calsMinor: count.describe("net of CAL and External Connector lines, integer minor units"),
        serversMinor: count.describe("net of server licence lines"),
        otherMinor: count.describe("net of the other priced lines (application licences)"),
      }),
    )
    .describe(
      "quotes issued in the month that are issued or accepted now, per currency (never added across currencies)",
    ),
});

const dashboardSchema = z
  .object({
    from: month,
    to: month,
    months: z.array(figuresSchema.extend({ month })),
    totals: figuresSchema,
    training: z
      .array(trainingScoreSchema)
      .describe("training attempts in the period per agent (an owner: all; others: their own)"),
  })
  .openapi("SalesDashboard");

/** `YYYY-MM` of a date, and the month `n` months later. */
function monthOf(date: Date, plus = 0): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + plus, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * `GET /v1/dashboard?from=YYYY-MM&to=YYYY-MM` (default: the last six months): per month, quotes created and
 * issued (by status), the CAL attach rate and revenue from CALs vs servers, computed by the app's
 * `summariseSales` in one pass over the quotes created or issued in the period (docs/dashboard.md defines
 * each figure), and the training scores of the period.
 */
export function registerGetDashboardRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/dashboard",
    tags: ["dashboard"],
    summary: "Sales figures per month: quotes, CAL attach rate, revenue CALs vs servers, training",
    request: {
      query: z.object({
        from: month.optional().describe("first month (inclusive); default five months before `to`"),
        to: month.optional().describe("last month (inclusive); default this month"),
      }),
    },
    responses: {
      200: {
        description: "the figures",
        content: { "application/json": { schema: dashboardSchema } },
      },
      ...problemResponses(400, 401, 403),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, staffRoles);
    const query = c.req.valid("query");
    const now = deps.now();
    const to = query.to ?? monthOf(now);
    const from =
      query.from ??
      monthOf(new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5)) - 1)), -5);
    const months = listMonths(from, to);
    if (months.length === 0 || months.length > maxMonths)
      throw new CalwiseError("INPUT_INVALID", "the period is not valid", [
        {
          code: "SCHEMA",
          path: "from",
          message: `from must be on or before to, at most ${maxMonths} months apart`,
          expected: `1 to ${maxMonths} months`,
          received: `${from} to ${to}`,
        },
      ]);
    const before = monthOf(new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5)) - 1)), 1);
    const [quotes, scores] = await Promise.all([
      deps.store.quotes.listOfPeriod(principal.orgId, from, before),
      deps.store.trainingAttempts.score(principal.orgId, {
        from,
        before,
        ...(principal.role === "owner" ? {} : { userId: principal.userId }),
      }),
    ]);
    const summary = summariseSales({
      quotes: quotes.map((q) => ({
        status: q.status,
        createdAt: q.createdAt,
        issuedAt: q.issuedAt,
        quote: (q.document as StoredQuoteDocument).quote as Quote,
      })),
      catalog: deps.catalog,
      from,
      to,
    });
    return c.json(
      { ...summary, months: [...summary.months], training: scores.map(showScore) },
      200,
    );
  });
}
