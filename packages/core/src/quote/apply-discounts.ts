import type { InputProblem } from "../errors/input-problem.ts";
import { allocateProportionally } from "./allocate-proportionally.ts";
import type { AppliedDiscount, DiscountScope } from "./applied-discount.ts";
import { percentOf } from "./percent-of.ts";
import type { RoundingMode } from "./rounding-mode.ts";

/** A discount as requested: a percentage in basis points or a fixed amount in minor units. */
export type DiscountRequest =
  | { readonly label: string; readonly appliesTo: DiscountScope; readonly basisPoints: number }
  | { readonly label: string; readonly appliesTo: DiscountScope; readonly amount: number };

/** A priced line as discounts see it: its amount and which scope it belongs to. */
export interface DiscountableLine {
  readonly amount: number;
  readonly scope: Exclude<DiscountScope, "all">;
}

/** Discounts applied to lines: per-line net, and totals that always add up. */
export interface DiscountedLines {
  readonly subtotal: number;
  readonly discounts: readonly AppliedDiscount[];
  /** Per line: the sum of its shares of every discount. */
  readonly lineDiscounts: readonly number[];
  readonly lineNets: readonly number[];
  readonly total: number;
}

/**
 * Applies discounts in the order given, each to what is left of the lines in its scope after the ones before.
 * A percentage is rounded once, on the discount as a whole, with the named rule; the discount is then split
 * over its lines in proportion to their nets (largest remainder), so every cent is on exactly one line and
 * total = subtotal − discounts = sum of line nets, always. A fixed amount larger than its base is a problem.
 */
export function applyDiscounts(
  lines: readonly DiscountableLine[],
  requests: readonly DiscountRequest[],
  rounding: RoundingMode,
): { readonly value: DiscountedLines; readonly problems: readonly InputProblem[] } {
  const nets = lines.map((l) => l.amount);
  const lineDiscounts = lines.map(() => 0);
  const problems: InputProblem[] = [];
  const discounts: AppliedDiscount[] = [];
  requests.forEach((request, index) => {
    const inScope = lines.map((l) => request.appliesTo === "all" || l.scope === request.appliesTo);
    const weights = nets.map((n, i) => (inScope[i] ? n : 0));
    const base = weights.reduce((s, w) => s + w, 0);
    let amount: number;
    if ("basisPoints" in request) amount = percentOf(base, request.basisPoints, rounding);
    else if (request.amount > base) {
      problems.push({
        code: "DISCOUNT_TOO_LARGE",
        path: `discounts[${index}].amount`,
        message: `discount '${request.label}' is larger than the ${request.appliesTo === "all" ? "" : `${request.appliesTo} `}lines it applies to`,
        expected: `at most ${base} minor units`,
        received: String(request.amount),
      });
      amount = 0;
    } else amount = request.amount;
    const allocation = allocateProportionally(amount, weights);
    allocation.forEach((share, i) => {
      nets[i] = (nets[i] as number) - share;
      lineDiscounts[i] = (lineDiscounts[i] as number) + share;
    });
    discounts.push({
      label: request.label,
      appliesTo: request.appliesTo,
      ...("basisPoints" in request ? { basisPoints: request.basisPoints } : {}),
      base,
      amount,
      allocation,
      rounding,
    });
  });
  const subtotal = sumSafe(lines.map((l) => l.amount));
  const total = sumSafe(nets);
  return { value: { subtotal, discounts, lineDiscounts, lineNets: nets, total }, problems };
}

/** Adds minor units, refusing (a bug or absurd input) to leave the range where float64 integers are exact. */
export function sumSafe(amounts: readonly number[]): number {
  const total = amounts.reduce((s, a) => s + BigInt(a), 0n);
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError("amounts add up beyond 2^53 − 1 minor units");
  return Number(total);
}
