import {
  adviseEdition,
  CalwiseError,
  type Catalog,
  type CustomerProfile,
  customerProfileSchema,
  type DatedPriceList,
  type EditionAdvice,
  type EvaluateOptions,
  validateCustomerProfile,
} from "@calwise/core";
import { z } from "zod";
import { choosePriceList } from "./choose-price-list.ts";
import type { Frozen } from "./frozen.ts";

const count = z.number().int().min(0);
const cost = z
  .number()
  .int()
  .nullable()
  .describe("minor units of `currency`; null when not priced or ruled out");

/** One candidate edition's cost at one point of the growth path, or why it cannot serve that point. */
export const editionCostSchema = z.strictObject({
  product: z.string(),
  configuration: z.string(),
  licenceCost: cost,
  calCost: cost,
  total: cost,
  calUnits: count.nullable().describe("CAL units to buy; null when the edition is ruled out"),
  ruledOut: z
    .string()
    .nullable()
    .describe("why the edition cannot serve this point (the engine's finding); null when it can"),
});

/** The costs of the candidate editions as staff and devices grow from today's counts. */
export const editionCostChartSchema = z
  .strictObject({
    catalogVersion: z.string(),
    currency: z.string().nullable(),
    priceList: z.strictObject({ name: z.string(), version: z.string().nullable() }).nullable(),
    rankedBy: z.enum(["total", "cal-units"]),
    candidates: z
      .array(z.strictObject({ product: z.string(), name: z.string(), configuration: z.string() }))
      .describe("the options legal today, cheapest first (the advice's ranking)"),
    points: z.array(
      z.strictObject({
        percent: count.describe("the head counts as a percentage of today's (100 = today)"),
        users: count,
        devices: count,
        sharedDevices: count,
        costs: z.array(editionCostSchema).describe("one per candidate, in the candidates' order"),
      }),
    ),
  })
  .describe("POST /v1/advice/costs");

/** The cost chart's answer (see `editionCostChartSchema`). */
export type EditionCostChart = Frozen<z.output<typeof editionCostChartSchema>>;

/** How far and in how many points the counts grow (bounded: each point evaluates every edition). */
export const costGrowthSchema = z.strictObject({
  upToPercent: z
    .number()
    .int()
    .min(110)
    .max(300)
    .default(300)
    .describe("the last point's head counts as a percentage of today's"),
  points: z.number().int().min(2).max(9).default(5).describe("points from today to the last"),
});

/** What the cost chart takes: the advice's inputs and how far to grow. */
export interface ChartEditionCostsInput {
  /** The customer profile as data (as for the advice); its `growth` is not used. */
  readonly profile: unknown;
  readonly priceLists?: readonly DatedPriceList[];
  readonly currency?: string;
  /** YYYY-MM-DD: the date whose prices apply. */
  readonly date: string;
  readonly catalog: Catalog;
  readonly growth?: z.input<typeof costGrowthSchema>;
  /** How problems name an input; by default its field. */
  readonly fieldNames?: Readonly<Record<string, string>>;
  /** Options of every evaluation (a MIP solver, a plan memo): the same as the advice's, so the figures agree. */
  readonly evaluation?: EvaluateOptions;
}

/**
 * The cost of each edition legal today, and its CALs, as staff and devices grow: today's profile scaled to
 * each point (users, devices, shared devices, users with several devices and external users alike), each
 * advised by the engine (`adviseEdition`, every edition evaluated), so every figure is the engine's. An
 * edition the engine rules out at a point has no cost there, and the finding that rules it out.
 */
export function chartEditionCosts(input: ChartEditionCostsInput): EditionCostChart {
  const plan = planChart(input);
  return assembleChart(plan.percents.map((percent) => advisePoint(plan, percent, input)));
}

/**
 * `chartEditionCosts`, awaiting `nextTurn` before each point's advice (web-phone): the chart is one full advice per
 * point of CPU, and a server running it in one go kept every other request (an agent's "Issue quote") waiting
 * until the last point; in turns, another request waits at most one point. The same figures as in one go.
 */
export async function chartEditionCostsInTurns(
  input: ChartEditionCostsInput,
  nextTurn: () => Promise<void>,
): Promise<EditionCostChart> {
  const plan = planChart(input);
  const advices: PointAdvice[] = [];
  for (const percent of plan.percents) {
    await nextTurn();
    advices.push(advisePoint(plan, percent, input));
  }
  return assembleChart(advices);
}

/** The checked profile, the price list in force and the growth's percentages (100 = today). */
function planChart(input: ChartEditionCostsInput) {
  const nameOf = (field: string) => input.fieldNames?.[field] ?? field;
  const profile = validateProfile(input.profile, nameOf);
  const growth = costGrowthSchema.parse(input.growth ?? {});
  const priceList = choosePriceList(input.priceLists ?? [], input.date, input.currency, {
    currency: nameOf("currency"),
    priceLists: nameOf("priceLists"),
  });
  const percents = Array.from({ length: growth.points }, (_, i) =>
    Math.round(100 + ((growth.upToPercent - 100) * i) / (growth.points - 1)),
  );
  return { profile, priceList, percents };
}

interface PointAdvice {
  readonly percent: number;
  readonly scaled: CustomerProfile;
  readonly advice: EditionAdvice;
}

/** The engine's advice for the profile grown to `percent`. */
function advisePoint(
  plan: ReturnType<typeof planChart>,
  percent: number,
  input: ChartEditionCostsInput,
): PointAdvice {
  const scaled = scaleProfile(plan.profile, percent);
  return {
    percent,
    scaled,
    advice: adviseEdition(scaled, input.catalog, plan.priceList, input.evaluation),
  };
}

/** The chart from each point's advice: today's ranking names the candidates, each point costs each of them. */
function assembleChart(advices: readonly PointAdvice[]): EditionCostChart {
  const today = advices[0]?.advice;
  if (today === undefined) throw new RangeError("a cost chart has at least two points");
  const candidates = today.ranked.map((o) => ({
    product: o.product,
    name: o.name,
    configuration: o.configuration,
  }));
  return {
    catalogVersion: today.catalogVersion,
    currency: today.currency,
    priceList: today.priceList,
    rankedBy: today.rankedBy,
    candidates,
    points: advices.map(({ percent, scaled, advice }) => ({
      percent,
      users: scaled.users,
      devices: scaled.devices ?? scaled.users,
      sharedDevices: scaled.sharedDevices,
      costs: candidates.map((c) => costAt(advice, c.product, c.configuration)),
    })),
  };
}

function validateProfile(input: unknown, nameOf: (field: string) => string): CustomerProfile {
  const profile = validateCustomerProfile(input);
  if (profile.success) return profile.value;
  throw new CalwiseError(
    "INPUT_INVALID",
    "the customer profile is not valid",
    profile.problems.map((p) => ({ ...p, path: `${nameOf("profile")}.${p.path}` })),
  );
}

/** Today's profile with every head count scaled to `percent` (personal devices keep up with the users). */
function scaleProfile(profile: CustomerProfile, percent: number): CustomerProfile {
  const scale = (n: number) => Math.round((n * percent) / 100);
  const users = Math.max(1, scale(profile.users));
  const devices = Math.max(scale(profile.devices ?? profile.users), 0);
  const sharedDevices = Math.min(scale(profile.sharedDevices), devices);
  const personal = devices - sharedDevices;
  const scaled = customerProfileSchema.safeParse({
    ...profile,
    users,
    devices,
    sharedDevices,
    usersWithSeveralDevices: Math.min(
      Math.floor((profile.usersWithSeveralDevices * percent) / 100),
      Math.floor(personal / 2),
    ),
    externalUsers: scale(profile.externalUsers),
    growth: 0,
  });
  if (!scaled.success)
    throw new CalwiseError("INPUT_INVALID", `the profile cannot be grown to ${percent}%`, [
      {
        code: "SCHEMA",
        path: "profile",
        message: scaled.error.issues.map((i) => i.message).join("; "),
        expected: "a profile whose counts can grow in proportion",
        received: `${users} users, ${devices} devices, ${sharedDevices} shared`,
      },
    ]);
  return scaled.data;
}

function costAt(
  advice: EditionAdvice,
  product: string,
  configuration: string,
): z.output<typeof editionCostSchema> {
  const option = advice.ranked.find(
    (o) => o.product === product && o.configuration === configuration,
  );
  if (option !== undefined)
    return {
      product,
      configuration,
      licenceCost: option.licenceCost,
      calCost: option.calCost,
      total: option.total,
      calUnits: option.calUnits,
      ruledOut: null,
    };
  const out = advice.ruledOut.find((r) => r.product === product);
  return {
    product,
    configuration,
    licenceCost: null,
    calCost: null,
    total: null,
    calUnits: null,
    ruledOut: out?.reasons[0]?.message ?? "not offered in this configuration",
  };
}
