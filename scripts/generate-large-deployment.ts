// A large deployment for `calwise evaluate` at scale (issue 11): N users each on their own PC, 0.95·N more
// user-device pairs to N/20 shared kiosks, four servers of three Windows Server versions (so three CAL
// versions), no owned CALs, and a price list of 1/5/10/50-packs of every version (newer ones dearer).
// Seeded, written as JSON. Usage: node --import tsx scripts/generate-large-deployment.ts <users> <directory>
// writes <directory>/deployment-<users>.json and <directory>/prices-<users>.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRandom } from "./bench-access-graph.ts";

/** The paths written. */
export interface LargeDeploymentFiles {
  readonly deployment: string;
  readonly prices: string;
  readonly pairs: number;
}

const servers = [
  { name: "FS2012", product: "ws2012r2-standard", processors: 2 },
  { name: "APP2016", product: "ws2016-standard", processors: 2 },
  { name: "DC2019", product: "ws2019-standard", processors: 2 },
  { name: "WEB2019", product: "ws2019-standard", processors: 2 },
];

/** Writes the deployment of `userCount` users and its price list into `directory`. */
export function writeLargeDeployment(
  userCount: number,
  directory: string,
  seed = 11,
): LargeDeploymentFiles {
  const random = createRandom(seed);
  const pick = (count: number) => Math.floor(random() * count);
  const kioskCount = Math.max(1, Math.round(userCount / 20));
  const accesses: { user: string; device: string; server: string }[] = [];
  for (let user = 0; user < userCount; user++) {
    // One PC user in ten also reaches a 2019 server.
    accesses.push({ user: `U${user}`, device: `PC${user}`, server: "FS2012" });
    if (random() < 0.1) accesses.push({ user: `U${user}`, device: `PC${user}`, server: "DC2019" });
  }
  const seen = new Set<number>();
  const kioskPairs = Math.round(userCount * 0.95);
  while (seen.size < kioskPairs) {
    const user = pick(userCount);
    const kiosk = pick(kioskCount);
    const key = user * kioskCount + kiosk;
    if (seen.has(key)) continue;
    seen.add(key);
    accesses.push({
      user: `U${user}`,
      device: `K${kiosk}`,
      server: random() < 0.1 ? "WEB2019" : "APP2016",
    });
  }
  const deployment = {
    name: `generated estate of ${userCount} users`,
    servers,
    users: [{ id: `U{0..${userCount - 1}}` }],
    devices: [`PC{0..${userCount - 1}}`, `K{0..${kioskCount - 1}}`],
    accesses,
  };
  const items = [];
  for (const [version, unit] of [
    ["2012", 4_000],
    ["2016", 4_400],
    ["2019", 4_800],
  ] as const) {
    for (const type of ["user", "device"] as const) {
      for (const [packSize, discount] of [
        [1, 1],
        [5, 0.95],
        [10, 0.925],
        [50, 0.875],
      ] as const) {
        items.push({
          sku: `WS${version}-CAL-${type === "user" ? "U" : "D"}-${packSize}`,
          family: "ws-cal",
          version,
          type,
          packSize,
          price: Math.round(unit * packSize * discount),
        });
      }
    }
  }
  const priceList = {
    name: "generated price list",
    version: "2026-12",
    currency: "USD",
    items,
  };
  mkdirSync(directory, { recursive: true });
  const files = {
    deployment: join(directory, `deployment-${userCount}.json`),
    prices: join(directory, `prices-${userCount}.json`),
    pairs: userCount + kioskPairs,
  };
  writeFileSync(files.deployment, JSON.stringify({ ...deployment, prices: files.prices }));
  writeFileSync(files.prices, JSON.stringify(priceList));
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [users, directory] = process.argv.slice(2);
  console.log(JSON.stringify(writeLargeDeployment(Number(users), directory ?? ".")));
}
