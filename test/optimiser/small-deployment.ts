// A seeded generator of small deployments for the differential suite (differential.fuzz.test.ts): a few users and
// devices, servers of three CAL versions (2008 R2 Standard brings 5 included CALs), owned CALs of every type,
// and a price list of 1/5/10/50-packs in which any SKU may be sold only as a pack. Written from the deployment
// format, not from the engine.

/** The servers the generator uses: product, the CAL tier it needs (0 = 2008, 1 = 2012, 2 = 2016), CALs it includes. */
export const SERVER_PRODUCTS = [
  { product: "ws2008r2-standard", tier: 0, included: 5 },
  { product: "ws2008r2-datacenter", tier: 0, included: 0 },
  { product: "ws2012-standard", tier: 1, included: 0 },
  { product: "ws2016-standard", tier: 2, included: 0 },
] as const;

export const VERSIONS = ["2008", "2012", "2016"] as const;
export const PACK_SIZES = [1, 5, 10, 50] as const;

/** A small pseudo-random generator (mulberry32): the same seed gives the same deployment. */
export function createRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** Deployment data (as a file would hold it) for one seed. */
export function generateSmallDeployment(seed: number): Record<string, unknown> {
  const random = createRandom(seed);
  const users = Array.from({ length: 1 + random(7) }, (_, i) => `U${i + 1}`);
  const devices = Array.from({ length: 1 + random(6) }, (_, i) => `D${i + 1}`);
  const unattended = new Set(devices.filter(() => random(8) === 0));
  const servers = Array.from({ length: 1 + random(3) }, (_, i) => ({
    name: `S${i + 1}`,
    product: (SERVER_PRODUCTS[random(SERVER_PRODUCTS.length)] as { product: string }).product,
  }));
  const accesses: Record<string, string>[] = [];
  const accessCount = 1 + random(10);
  for (let a = 0; a < accessCount; a++) {
    const server = (servers[random(servers.length)] as { name: string }).name;
    const shape = random(10);
    const device = devices[random(devices.length)] as string;
    const user = users[random(users.length)] as string;
    if (shape === 0) accesses.push({ user, server });
    else if (shape === 1 || unattended.has(device)) accesses.push({ device, server });
    else accesses.push({ user, device, server });
  }
  const owned = Array.from({ length: random(4) }, () => ({
    family: "ws-cal",
    version: VERSIONS[random(3)] as string,
    type: (["user", "device", "either"] as const)[random(3)],
    quantity: 1 + random(4),
  }));
  const items: Record<string, unknown>[] = [];
  for (const [v, version] of VERSIONS.entries())
    for (const type of ["user", "device"] as const) {
      // The newest version is always sold in some pack, so every need can be bought.
      if (v < 2 && random(3) === 0) continue;
      const base = 30 + random(270);
      const sizes = PACK_SIZES.filter(() => random(2) === 0);
      if (sizes.length === 0) sizes.push(PACK_SIZES[random(4)] as 1 | 5 | 10 | 50);
      for (const size of sizes)
        items.push({
          sku: `WS${version}-${type === "user" ? "U" : "D"}-${size}`,
          family: "ws-cal",
          version,
          type,
          packSize: size,
          price: size === 1 ? base : Math.round(size * base * (0.55 + random(60) / 100)),
        });
    }
  const includedType = (["either", "user", "device"] as const)[random(3)];
  return {
    name: `small-${seed}`,
    servers,
    users,
    devices: devices.map((id) => (unattended.has(id) ? { id, unattended: true } : id)),
    accesses,
    owned,
    prices: { name: "generated", currency: "EUR", items },
    assumptions: { "included-cal-type": includedType },
  };
}
