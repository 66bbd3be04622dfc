import type { InputProblem } from "../errors/input-problem.ts";
import { type DatedPriceList, toEnginePriceList } from "../price-list/dated-price-list.ts";
import type { OmittedCalsReason } from "./quote-request-schema.ts";

/**
 * The deployment a quote evaluates: the quoted deployment with the quote's price list (which replaces any the
 * deployment names), the CALs the quote records as already owned added to `owned`, and the servers recorded as
 * anonymous-only added to `anonymous`, so the engine counts them like any other. `relocate` maps a problem found
 * in this merged data back to where it was written (the deployment, or the quote's omittedCals).
 */
export function prepareQuoteDeployment(
  data: Readonly<Record<string, unknown>>,
  reasons: readonly OmittedCalsReason[],
  priceList: DatedPriceList,
): {
  readonly data: Record<string, unknown>;
  relocate(problem: InputProblem): InputProblem | undefined;
} {
  const owned = Array.isArray(data.owned) ? data.owned : undefined;
  const anonymous = Array.isArray(data.anonymous) ? data.anonymous : undefined;
  const ownedFrom: number[] = [];
  const anonymousFrom: number[] = [];
  const addedOwned: unknown[] = [];
  const addedAnonymous: unknown[] = [];
  reasons.forEach((r, i) => {
    if (r.reason === "already-owned") {
      ownedFrom.push(i);
      addedOwned.push({
        family: r.family,
        version: r.version,
        type: r.type,
        quantity: r.quantity,
        source: r.note ?? "already owned (recorded in the quote)",
      });
    } else {
      anonymousFrom.push(i);
      addedAnonymous.push({ server: r.server, ...(r.note ? { description: r.note } : {}) });
    }
  });
  const merged: Record<string, unknown> = { ...data, prices: toEnginePriceList(priceList) };
  if (data.owned === undefined || owned) merged.owned = [...(owned ?? []), ...addedOwned];
  if (data.anonymous === undefined || anonymous)
    merged.anonymous = [...(anonymous ?? []), ...addedAnonymous];

  const relocate = (problem: InputProblem): InputProblem | undefined => {
    // The price list was checked on its own, where its problems can be located in its file.
    if (problem.path === "prices" || problem.path.startsWith("prices.")) return undefined;
    for (const [key, base, from] of [
      ["owned", owned?.length ?? 0, ownedFrom],
      ["anonymous", anonymous?.length ?? 0, anonymousFrom],
    ] as const) {
      const match = new RegExp(`^${key}\\[(\\d+)\\](.*)$`).exec(problem.path);
      if (match && Number(match[1]) >= base) {
        const reason = from[Number(match[1]) - base];
        const rest = (match[2] ?? "").replace(/^\.source$/, ".note");
        return { ...problem, path: `omittedCals[${reason}]${rest}` };
      }
    }
    return { ...problem, path: problem.path === "" ? "deployment" : `deployment.${problem.path}` };
  };
  return { data: merged, relocate };
}
