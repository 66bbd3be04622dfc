import type { Catalog } from "./catalog.ts";
import type { CatalogData } from "./catalog-schema.ts";
import { ENGINE_RULE_IDS, validateCatalog } from "./validate-catalog.ts";

/**
 * A small catalog for the core's unit tests, written after /work/shared/docs/licensing-rules.md so that a
 * licensing reader can check each expected answer: Windows Server CALs (2008, 2012, 2016) with the additive RDS
 * CAL [R32], an External Connector [R2], a suite, and one edition per licensing model: per server with VMs
 * (WS2008 R2 Enterprise, 1 + 4 VMs [R3]), per processor (WS2008 R2 Datacenter [R3]), per 2-processor licence
 * (WS2012 Standard, 2 VMs each, stackable; Datacenter unlimited [R21][R23]), per core (WS2016 Standard, 8 per
 * processor, 16 per server, 2-core packs [R40]) and a capped edition with no CALs (WS2012 Foundation, 15 users,
 * 1 processor [R21]; WS2012 Essentials, 25 users, 50 devices [R21][R25]).
 */
export const smallTestCatalogData: CatalogData = {
  catalogVersion: "test-1",
  title: "small test catalog",
  sources: Object.fromEntries(
    ["R1", "R2", "R3", "R13", "R21", "R23", "R25", "R32", "R37", "R40"].map((id) => [
      id,
      { title: `source ${id}`, url: `https://example.invalid/${id}`, strength: "MS" as const },
    ]),
  ),
  calFamilies: [
    {
      id: "ws-cal",
      name: "Windows Server CAL",
      versions: ["2008", "2012", "2016"],
      types: ["user", "device"],
      sources: ["R1"],
    },
    {
      id: "rds-cal",
      name: "RDS CAL",
      versions: ["2008", "2012", "2016"],
      types: ["user", "device"],
      additiveTo: "ws-cal",
      sources: ["R32"],
    },
  ],
  externalConnectors: [
    {
      id: "ws-ec",
      name: "WS External Connector",
      family: "ws-cal",
      versions: ["2012"],
      sources: ["R2"],
    },
  ],
  suites: [{ id: "core-cal-suite", name: "Core CAL Suite", covers: ["ws-cal"], sources: ["R37"] }],
  products: [
    {
      id: "ws2008r2-enterprise",
      name: "Windows Server 2008 R2 Enterprise",
      kind: "operating-system",
      version: "2008",
      licensing: { kind: "per-server", virtualInstancesPerLicence: 4 },
      cals: [{ family: "ws-cal", version: "2008" }],
      sources: ["R3"],
    },
    {
      id: "ws2008r2-datacenter",
      name: "Windows Server 2008 R2 Datacenter",
      kind: "operating-system",
      version: "2008",
      licensing: { kind: "per-processor", virtualInstancesPerLicence: "unlimited" },
      cals: [{ family: "ws-cal", version: "2008" }],
      sources: ["R3"],
    },
    {
      id: "ws2012-standard",
      name: "Windows Server 2012 Standard",
      kind: "operating-system",
      version: "2012",
      licensing: { kind: "per-processor-pair", virtualInstancesPerLicence: 2 },
      cals: [{ family: "ws-cal", version: "2012" }],
      services: { rds: [{ family: "rds-cal", version: "2012" }] },
      sources: ["R21", "R23"],
    },
    {
      id: "ws2012-datacenter",
      name: "Windows Server 2012 Datacenter",
      kind: "operating-system",
      version: "2012",
      licensing: { kind: "per-processor-pair", virtualInstancesPerLicence: "unlimited" },
      cals: [{ family: "ws-cal", version: "2012" }],
      sources: ["R21", "R23"],
    },
    {
      id: "ws2012-foundation",
      name: "Windows Server 2012 Foundation",
      kind: "operating-system",
      version: "2012",
      licensing: { kind: "per-server" },
      cals: [],
      limits: { users: 15, processors: 1 },
      sources: ["R21"],
    },
    {
      id: "ws2012-essentials",
      name: "Windows Server 2012 Essentials",
      kind: "operating-system",
      version: "2012",
      licensing: { kind: "per-server" },
      cals: [],
      limits: { users: 25, devices: { assumption: "essentials-device-cap" } },
      sources: ["R21", "R25"],
    },
    {
      id: "ws2016-standard",
      name: "Windows Server 2016 Standard",
      kind: "operating-system",
      version: "2016",
      licensing: {
        kind: "per-core",
        minimumCoresPerProcessor: 8,
        minimumCoresPerServer: 16,
        coresPerPack: 2,
        virtualInstancesPerLicence: 2,
      },
      cals: [{ family: "ws-cal", version: "2016" }],
      sources: ["R40"],
    },
  ],
  rules: ENGINE_RULE_IDS.map((id) => ({
    id,
    kind: "coverage" as const,
    text: `rule ${id}`,
    sources: id === "admin-only" || id === "virtualisation-host" ? ["R2", "R13"] : ["R1"],
  })),
  assumptions: [
    {
      id: "admin-exemption-scope",
      text: "whether the two admin-only exemptions count per server or per customer",
      default: "per-server",
      options: ["per-server", "per-customer"],
      sources: ["R2"],
    },
    {
      id: "included-cal-type",
      text: "the type of CALs included with a server",
      default: "either",
      options: ["either", "user", "device"],
      sources: ["R1"],
    },
    {
      id: "essentials-device-cap",
      text: "the device cap of WS2012 Essentials",
      default: 50,
      options: [50],
      sources: ["R21"],
    },
  ],
};

/** The small test catalog, validated (throws if the data above is wrong: a bug in the test fixture). */
export function smallTestCatalog(): Catalog {
  const result = validateCatalog(smallTestCatalogData);
  if (!result.success)
    throw new Error(
      `small test catalog: ${result.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`,
    );
  return result.value;
}
