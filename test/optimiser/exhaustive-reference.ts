// The exhaustive reference of the differential suite, written from the licensing rules and the deployment
// format alone (it shares no code with packages/core/src/optimise or evaluate): the least money a customer can
// pay for the Windows Server CALs of a small generated deployment (small-deployment.ts).
//
// Every way to give each user a CAL level (none, 2008, 2012, 2016) is tried; each device then takes the lowest
// level its uncovered accesses leave it. For the CALs that cover needs, every purchase (units per SKU, bought
// as the cheapest pack multiset) is tried together with the owned CALs, and Hall's condition over classes of
// needs and supplies decides whether owned and bought CALs can serve every holder.
import { SERVER_PRODUCTS, VERSIONS } from "./small-deployment.ts";

type CalType = "user" | "device";
interface Pool {
  readonly type: CalType | "either";
  readonly tier: number;
  readonly quantity: number;
}
interface Pack {
  readonly size: number;
  readonly price: number;
}
interface Edge {
  readonly user?: string;
  readonly device?: string;
  readonly tier: number;
}

/** The cheapest real purchase for the generated deployment's Windows Server CALs. */
export function referenceCost(data: Record<string, unknown>): number {
  const servers = data.servers as { name: string; product: string }[];
  const tierOfServer = new Map<string, number>();
  const pools: Pool[] = [];
  const includedType = (data.assumptions as Record<string, string>)["included-cal-type"] as
    | CalType
    | "either";
  for (const s of servers) {
    const p = SERVER_PRODUCTS.find((x) => x.product === s.product);
    if (!p) throw new Error(`unknown product ${s.product}`);
    tierOfServer.set(s.name, p.tier);
    if (p.included > 0) pools.push({ type: includedType, tier: 0, quantity: p.included });
  }
  for (const o of data.owned as { version: string; type: CalType | "either"; quantity: number }[])
    pools.push({
      type: o.type,
      tier: VERSIONS.indexOf(o.version as "2008"),
      quantity: o.quantity,
    });
  const packs = new Map<string, Pack[]>();
  for (const item of (data.prices as { items: Record<string, unknown>[] }).items) {
    const key = `${item.type}:${VERSIONS.indexOf(item.version as "2008")}`;
    packs.set(key, [
      ...(packs.get(key) ?? []),
      { size: item.packSize as number, price: item.price as number },
    ]);
  }
  const edges: Edge[] = (data.accesses as { user?: string; device?: string; server: string }[]).map(
    (a) => ({
      ...(a.user !== undefined ? { user: a.user } : {}),
      ...(a.device !== undefined ? { device: a.device } : {}),
      tier: tierOfServer.get(a.server) as number,
    }),
  );
  const users = [...new Set(edges.flatMap((e) => (e.user !== undefined ? [e.user] : [])))];
  const devices = [...new Set(edges.flatMap((e) => (e.device !== undefined ? [e.device] : [])))];

  const costOf = new Map<string, number>();
  let best = Number.POSITIVE_INFINITY;
  const level = new Map<string, number>();
  const tryUsers = (i: number): void => {
    if (i < users.length) {
      for (let l = -1; l < VERSIONS.length; l++) {
        level.set(users[i] as string, l);
        tryUsers(i + 1);
      }
      return;
    }
    const deviceLevel = new Map<string, number>(devices.map((d) => [d, -1]));
    for (const e of edges) {
      const userLevel = e.user !== undefined ? (level.get(e.user) as number) : -1;
      if (userLevel >= e.tier) continue;
      if (e.device === undefined) return; // a user-only access left uncovered
      deviceLevel.set(e.device, Math.max(deviceLevel.get(e.device) as number, e.tier));
    }
    const needs = { user: [0, 0, 0], device: [0, 0, 0] };
    for (const l of level.values()) if (l >= 0) (needs.user[l] as number)++;
    for (const l of deviceLevel.values()) if (l >= 0) (needs.device[l] as number)++;
    const key = JSON.stringify(needs);
    let cost = costOf.get(key);
    if (cost === undefined) {
      cost = cheapestService(needs, pools, packs);
      costOf.set(key, cost);
    }
    best = Math.min(best, cost);
  };
  tryUsers(0);
  return best;
}

/** The least money that serves these needs (counts per type and tier) with the owned CALs and bought packs. */
function cheapestService(
  needs: { user: number[]; device: number[] },
  pools: readonly Pool[],
  packs: ReadonlyMap<string, Pack[]>,
): number {
  // Per type, every purchase of units per version up to the type's needs, keeping the undominated ones.
  const options = (type: CalType) => {
    const total = needs[type].reduce((s, n) => s + n, 0);
    let list: { units: number[]; cost: number }[] = [{ units: [0, 0, 0], cost: 0 }];
    for (let v = 0; v < VERSIONS.length; v++) {
      const offered = packs.get(`${type}:${v}`) ?? [];
      if (offered.length === 0) continue;
      const next: typeof list = [];
      for (const o of list)
        for (let n = 0; n <= total; n++) {
          const units = [...o.units];
          units[v] = n;
          next.push({ units, cost: o.cost + cheapestPacks(n, offered) });
        }
      list = next;
    }
    // Undominated: no other option costs no more and supplies at least as much at every tier and above.
    const suffix = (u: number[]) => u.map((_, k) => u.slice(k).reduce((s, x) => s + x, 0));
    return list
      .filter(
        (a) =>
          !list.some(
            (b) =>
              b !== a &&
              b.cost <= a.cost &&
              suffix(b.units).every((x, k) => x >= (suffix(a.units)[k] as number)) &&
              (b.cost < a.cost ||
                suffix(b.units).some((x, k) => x > (suffix(a.units)[k] as number))),
          ),
      )
      .sort((a, b) => a.cost - b.cost);
  };
  const userOptions = options("user");
  const deviceOptions = options("device");
  let best = Number.POSITIVE_INFINITY;
  for (const u of userOptions) {
    if (u.cost >= best) break;
    for (const d of deviceOptions) {
      if (u.cost + d.cost >= best) break;
      if (canServe(needs, pools, u.units, d.units)) best = u.cost + d.cost;
    }
  }
  return best;
}

/**
 * Hall's condition over classes: needs come in classes (type, tier), supplies in classes (each owned pool, each
 * bought type and version); a need class may use a supply class of its type (or "either") at its tier or later.
 * Every set of need classes must have at least as many supplies in the classes it may use as it has needs.
 */
function canServe(
  needs: { user: number[]; device: number[] },
  pools: readonly Pool[],
  boughtUser: number[],
  boughtDevice: number[],
): boolean {
  const needClasses = (["user", "device"] as const).flatMap((type) =>
    needs[type].flatMap((count, tier) => (count > 0 ? [{ type, tier, count }] : [])),
  );
  const supplies = [
    ...pools,
    ...boughtUser.map((quantity, tier) => ({ type: "user" as const, tier, quantity })),
    ...boughtDevice.map((quantity, tier) => ({ type: "device" as const, tier, quantity })),
  ].filter((s) => s.quantity > 0);
  for (let mask = 1; mask < 1 << needClasses.length; mask++) {
    let demand = 0;
    const usable = new Set<number>();
    needClasses.forEach((n, i) => {
      if (!(mask & (1 << i))) return;
      demand += n.count;
      supplies.forEach((s, j) => {
        if ((s.type === n.type || s.type === "either") && s.tier >= n.tier) usable.add(j);
      });
    });
    let supply = 0;
    for (const j of usable) supply += (supplies[j] as { quantity: number }).quantity;
    if (supply < demand) return false;
  }
  return true;
}

/** The cheapest multiset of packs giving at least n units, by trying every count of every pack. */
function cheapestPacks(n: number, packs: readonly Pack[]): number {
  if (n === 0) return 0;
  let best = Number.POSITIVE_INFINITY;
  const go = (i: number, units: number, cost: number): void => {
    if (cost >= best) return;
    if (units >= n) {
      best = cost;
      return;
    }
    if (i === packs.length) return;
    const pack = packs[i] as Pack;
    for (let c = 0; c <= Math.ceil((n - units) / pack.size); c++)
      go(i + 1, units + c * pack.size, cost + c * pack.price);
  };
  go(0, 0, 0);
  return best;
}
