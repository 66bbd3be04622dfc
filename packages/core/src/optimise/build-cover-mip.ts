import type { OwnedPool } from "../compliance/allocate-owned.ts";
import type { CoverEdge } from "./choose-cal-mix.ts";
import type { MipModel } from "./mip-solver.ts";
import { type CalMarket, type NeedsPurchase, offeredFrom } from "./price-cal-needs.ts";

type CalType = "user" | "device";

/** A cover as holder → tier, per side. */
export interface TierCover {
  readonly userTier: ReadonlyMap<string, number>;
  readonly deviceTier: ReadonlyMap<string, number>;
}

/** The model, and how to read a cover back from a solution's values. */
export interface CoverMip {
  readonly model: MipModel;
  readCover(values: Float64Array): TierCover;
  /** Columns and rows, for the method text. */
  readonly columns: number;
  readonly rows: number;
}

/**
 * The whole real-money problem of one family as a MIP, so that its optimum is the least money over every cover
 * and purchase (what `priceCalNeeds` charges for the best cover):
 * - x[h,k] ∈ {0,1}: holder h holds a CAL of exactly tier k (k among the tiers of its pairs: a cheapest cover
 *   never gives a holder more), at most one tier per holder; every pair has a user or device CAL of its tier
 *   or later;
 * - the needs of each type and tier are served by owned CALs (a[pool class, type, tier], the pool's type or
 *   "either", its tier or older), units bought of a version at or above the need (w[type, version, tier]),
 *   or, where no pack at or above the tier is sold, units weighed as the market weighs them (r[type, tier]);
 * - units bought of a type and version are at most what the packs hold: Σ size·c[pack], c integer;
 * - minimise the money of the packs plus the weight of unsold units.
 * The flow part (a, w, r) is a transportation problem with integer data, so continuous values suffice. `start`
 * (a cover and its purchases) becomes the solver's warm start: the x and pack counts, the rest completed.
 */
export function buildCoverMip(
  edges: readonly CoverEdge[],
  pools: readonly OwnedPool[],
  market: CalMarket,
  start?: TierCover & { readonly purchases: readonly NeedsPurchase[] },
): CoverMip {
  const tiers = market.tiers;
  const cost: number[] = [];
  const upper: number[] = [];
  const integer: number[] = [];
  const column = (c: number, up: number, isInteger: boolean) => {
    cost.push(c);
    upper.push(up);
    integer.push(isInteger ? 1 : 0);
    return cost.length - 1;
  };
  const rows: { lower: number; upper: number; entries: Map<number, number> }[] = [];
  const row = (lower: number, up: number) => {
    const r = { lower, upper: up, entries: new Map<number, number>() };
    rows.push(r);
    return r;
  };
  const add = (r: { entries: Map<number, number> }, col: number, value: number) =>
    r.entries.set(col, (r.entries.get(col) ?? 0) + value);

  // Holders and the tiers of their pairs.
  const holders: Record<CalType, Map<string, Map<number, number>>> = {
    user: new Map(),
    device: new Map(),
  };
  const note = (type: CalType, id: string, tier: number) => {
    let m = holders[type].get(id);
    if (!m) {
      m = new Map();
      holders[type].set(id, m);
    }
    m.set(tier, -1);
  };
  for (const e of edges) {
    if (e.user !== undefined && !e.deviceOnly) note("user", e.user, e.tier);
    if (e.device !== undefined && !e.userOnly) note("device", e.device, e.tier);
  }
  const holdersAt: Record<CalType, number[][]> = {
    user: Array.from({ length: tiers }, () => []),
    device: Array.from({ length: tiers }, () => []),
  };
  for (const type of ["user", "device"] as const)
    for (const [, at] of holders[type]) {
      for (const k of [...at.keys()].sort((a, b) => a - b)) {
        const col = column(0, 1, true);
        at.set(k, col);
        holdersAt[type][k]?.push(col);
      }
      if (at.size > 1) {
        const one = row(Number.NEGATIVE_INFINITY, 1);
        for (const col of at.values()) add(one, col, 1);
      }
    }
  for (const e of edges) {
    const r = row(1, Number.POSITIVE_INFINITY);
    const side = (type: CalType, id: string | undefined, allowed: boolean) => {
      if (id === undefined || !allowed) return;
      for (const [k, col] of holders[type].get(id) ?? []) if (k >= e.tier) add(r, col, 1);
    };
    side("user", e.user, !e.deviceOnly);
    side("device", e.device, !e.userOnly);
  }

  // Supply: one balance row per type and tier that has holders.
  const balance: Record<CalType, ({ entries: Map<number, number> } | undefined)[]> = {
    user: [],
    device: [],
  };
  const totalHolders = { user: holders.user.size, device: holders.device.size };
  for (const type of ["user", "device"] as const)
    for (let k = 0; k < tiers; k++) {
      const at = holdersAt[type][k] as number[];
      if (at.length === 0) continue;
      const r = row(Number.NEGATIVE_INFINITY, 0);
      for (const col of at) add(r, col, 1);
      balance[type][k] = r;
    }
  const classes = new Map<string, { type: OwnedPool["type"]; tier: number; quantity: number }>();
  for (const p of pools) {
    const key = `${p.type}:${p.tier}`;
    const c = classes.get(key) ?? { type: p.type, tier: p.tier, quantity: 0 };
    c.quantity += p.quantity;
    classes.set(key, c);
  }
  for (const c of classes.values()) {
    if (c.quantity <= 0) continue;
    const limit = row(Number.NEGATIVE_INFINITY, c.quantity);
    for (const type of ["user", "device"] as const) {
      if (c.type !== type && c.type !== "either") continue;
      for (let k = 0; k <= c.tier && k < tiers; k++) {
        const b = balance[type][k];
        if (!b) continue;
        const a = column(0, c.quantity, false);
        add(limit, a, 1);
        add(b, a, -1);
      }
    }
  }
  const packColumns = new Map<string, number>();
  for (const type of ["user", "device"] as const) {
    let sold = 0;
    if (market.priced) while (sold < tiers && offeredFrom(type, sold, market)) sold++;
    for (let v = 0; v < tiers; v++) {
      const packs = market.priced ? market.packs(type, v) : [];
      if (packs.length === 0) continue;
      const capacity = row(Number.NEGATIVE_INFINITY, 0);
      for (const [i, p] of packs.entries()) {
        const c = column(p.price, Math.ceil(totalHolders[type] / p.size), true);
        add(capacity, c, -p.size);
        if (!packColumns.has(`${type}:${v}:${p.id}`)) packColumns.set(`${type}:${v}:${p.id}`, c);
        packColumns.set(`${type}:${v}:#${i}`, c);
      }
      for (let k = 0; k <= v; k++) {
        const b = balance[type][k];
        if (!b) continue;
        const w = column(0, totalHolders[type], false);
        add(capacity, w, 1);
        add(b, w, -1);
      }
    }
    for (let k = market.priced ? sold : 0; k < tiers; k++) {
      const b = balance[type][k];
      if (!b) continue;
      const weight = market.priced ? market.unpricedWeight(type, k) : 1;
      const r = column(weight, totalHolders[type], false);
      add(b, r, -1);
    }
  }

  const starts = new Int32Array(rows.length + 1);
  let nonzeros = 0;
  rows.forEach((r, i) => {
    nonzeros += r.entries.size;
    starts[i + 1] = nonzeros;
  });
  const indices = new Int32Array(nonzeros);
  const values = new Float64Array(nonzeros);
  let at = 0;
  for (const r of rows)
    for (const [col, value] of r.entries) {
      indices[at] = col;
      values[at] = value;
      at++;
    }

  let warm: MipModel["start"];
  if (start) {
    const entries = new Map<number, number>();
    for (const type of ["user", "device"] as const) {
      const chosen = type === "user" ? start.userTier : start.deviceTier;
      for (const [id, at] of holders[type]) {
        const held = chosen.get(id);
        // A holder's tier rounds down to the highest tier of its pairs it reaches (covers the same pairs).
        let tier = -1;
        if (held !== undefined) for (const k of at.keys()) if (k <= held && k > tier) tier = k;
        for (const [k, col] of at) entries.set(col, k === tier ? 1 : 0);
      }
    }
    for (const p of start.purchases)
      for (const line of p.purchase?.packs ?? []) {
        const col = packColumns.get(`${p.type}:${p.tier}:${line.id}`);
        if (col !== undefined) entries.set(col, (entries.get(col) ?? 0) + line.count);
      }
    warm = {
      indices: Int32Array.from(entries.keys()),
      values: Float64Array.from(entries.values()),
    };
  }

  const model: MipModel = {
    cost: Float64Array.from(cost),
    lower: new Float64Array(cost.length),
    upper: Float64Array.from(upper),
    integer: Uint8Array.from(integer),
    rowLower: Float64Array.from(rows, (r) => r.lower),
    rowUpper: Float64Array.from(rows, (r) => r.upper),
    starts,
    indices,
    values,
    ...(warm ? { start: warm } : {}),
  };
  return {
    model,
    columns: cost.length,
    rows: rows.length,
    readCover(solution) {
      const read = (type: CalType) => {
        const out = new Map<string, number>();
        for (const [id, at] of holders[type])
          for (const [k, col] of at) if ((solution[col] as number) > 0.5) out.set(id, k);
        return out;
      };
      return { userTier: read("user"), deviceTier: read("device") };
    },
  };
}
