import type { Catalog } from "../catalog/catalog.ts";
import type { EvaluateOptions } from "../evaluate/evaluate-deployment.ts";
import type { PriceList } from "../price-list/price-list-schema.ts";
import type { CustomerProfile } from "./customer-profile.ts";
import type { EditionAdvice, GrowthChange } from "./edition-advice-schema.ts";
import { type EditionRanking, rankEditions } from "./rank-editions.ts";

/**
 * Re-evaluates every edition along the growth path, one user (with a personal device) at a time, and reports
 * where the advice changes (the best edition is ruled out, or another becomes cheaper) and, for each edition
 * legal today, the last head count it still serves. Each step is a full evaluation by the engine.
 */
export function traceGrowth(
  profile: CustomerProfile,
  today: EditionRanking,
  catalog: Catalog,
  priceList: PriceList | undefined,
  options: EvaluateOptions = {},
): NonNullable<EditionAdvice["growth"]> {
  const changes: GrowthChange[] = [];
  const until = new Map<string, { lastUsers: number | null; reason: string | null }>(
    today.ranked.map((o) => [o.product, { lastUsers: null, reason: null }]),
  );
  let previous = today;
  const devices0 = profile.devices ?? profile.users;
  for (let step = 1; step <= profile.growth; step++) {
    const users = profile.users + step;
    const devices = devices0 + step;
    const current = rankEditions(
      { ...profile, users, devices, growth: 0 },
      catalog,
      priceList,
      options,
    );
    for (const [product, state] of until) {
      if (state.lastUsers !== null) continue;
      const out = current.ruledOut.find((r) => r.product === product);
      if (out)
        until.set(product, { lastUsers: users - 1, reason: out.reasons[0]?.message ?? null });
    }
    const before = previous.ranked[0];
    const after = current.ranked[0];
    if (before?.product !== after?.product || before?.configuration !== after?.configuration) {
      const out = before ? current.ruledOut.find((r) => r.product === before.product) : undefined;
      changes.push({
        users,
        devices,
        from: before?.product ?? null,
        to: after?.product ?? null,
        because: out
          ? `${out.name} is ruled out: ${out.reasons[0]?.message ?? "no reason given"}`
          : after
            ? `${after.name} ${after.configuration === "the edition alone" ? "" : `(${after.configuration}) `}is now ${after.total !== null ? "cheaper" : "ahead"}`
            : "no edition can serve the profile",
      });
    }
    previous = current;
  }
  return {
    fromUsers: profile.users,
    toUsers: profile.users + profile.growth,
    changes,
    editionsUntil: [...until].map(([product, s]) => ({ product, ...s })),
  };
}
