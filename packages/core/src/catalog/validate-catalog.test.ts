import assert from "node:assert/strict";
import { test } from "node:test";
import type { CatalogData } from "./catalog-schema.ts";
import { smallTestCatalogData } from "./small-test-catalog.ts";
import { validateCatalog } from "./validate-catalog.ts";

/** The problems of a catalog changed by `edit`, as `code path` lines. */
function problemsOf(edit: (data: CatalogData) => void): string[] {
  const data = structuredClone(smallTestCatalogData);
  edit(data);
  const result = validateCatalog(data);
  assert.equal(result.success, false, "the broken catalog was accepted");
  return result.success ? [] : result.problems.map((p) => `${p.code} ${p.path}`);
}

test("validateCatalog accepts a consistent catalog and indexes it by id", () => {
  const result = validateCatalog(smallTestCatalogData);
  assert.ok(result.success);
  assert.equal(result.value.version, "test-1");
  assert.equal(result.value.products.get("ws2012-standard")?.name, "Windows Server 2012 Standard");
  assert.deepEqual(result.value.families.get("rds-cal")?.additiveTo, "ws-cal");
});

test("validateCatalog refuses an id used twice", () => {
  assert.deepEqual(
    problemsOf((d) => {
      d.products.push({ ...(d.products[0] as CatalogData["products"][number]) });
      d.calFamilies.push({ ...(d.calFamilies[1] as CatalogData["calFamilies"][number]) });
    }),
    ["DUPLICATE_ID calFamilies[2].id", "DUPLICATE_ID products[7].id"],
  );
});

test("validateCatalog refuses references to families, versions, products, sources and assumptions that do not exist", () => {
  assert.deepEqual(
    problemsOf((d) => {
      const standard = d.products[2] as CatalogData["products"][number];
      d.products[2] = {
        ...standard,
        cals: [{ family: "ws-call", version: "2012" }],
        services: { rds: [{ family: "rds-cal", version: "2013" }] },
        outgrowsTo: "ws2099-standard",
        sources: ["R99"],
      };
      d.suites[0] = { ...(d.suites[0] as CatalogData["suites"][number]), covers: ["exchange-cal"] };
      d.externalConnectors[0] = {
        ...(d.externalConnectors[0] as CatalogData["externalConnectors"][number]),
        versions: ["2019"],
      };
      d.products[5] = {
        ...(d.products[5] as CatalogData["products"][number]),
        limits: { devices: { assumption: "no-such-cap" } },
      };
    }),
    [
      "UNKNOWN_REFERENCE externalConnectors[0].versions[0]",
      "UNKNOWN_REFERENCE suites[0].covers[0]",
      "UNKNOWN_REFERENCE products[2].sources[0]",
      "UNKNOWN_REFERENCE products[2].cals[0].family",
      "UNKNOWN_REFERENCE products[2].services.rds[0].version",
      "UNKNOWN_REFERENCE products[2].outgrowsTo",
      "UNKNOWN_REFERENCE products[5].limits.devices.assumption",
    ],
  );
});

test("validateCatalog refuses a catalog without a rule the engine applies, and a default that is not an option", () => {
  assert.deepEqual(
    problemsOf((d) => {
      d.rules = d.rules.filter((r) => r.id !== "reassignment-90-days");
      d.assumptions[0] = {
        ...(d.assumptions[0] as CatalogData["assumptions"][number]),
        default: "per-site",
      };
    }),
    ["SCHEMA assumptions[0].default", "MISSING_RULE rules"],
  );
});

test("validateCatalog reports schema problems with their path before any reference check", () => {
  assert.deepEqual(
    problemsOf((d) => {
      (d.calFamilies[0] as { id: string }).id = "WS CAL";
    }),
    ["SCHEMA calFamilies[0].id"],
  );
});
