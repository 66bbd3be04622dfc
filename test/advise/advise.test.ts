// Runs the edition advisor on every case of test/advise/*.yaml (see advisor-boundaries.yaml for the format).
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadCatalog } from "@calwise/catalog";
import { adviseEdition, parseDocumentText, validateCustomerProfile } from "@calwise/core";
import { loadPriceListFile, readTextFile } from "@calwise/node-files";
import { z } from "zod";

const dir = fileURLToPath(new URL(".", import.meta.url));
const catalog = loadCatalog();
const [prices] = loadPriceListFile(join(dir, "../../examples/prices-reseller-2026h2.csv"), catalog);
/** Operating-system editions of the catalog but the SBS 2011 Premium Add-on, which is offered only beside its base. */
const editions = [...catalog.products.values()].filter(
  (p) => p.kind === "operating-system" && p.id !== "sbs2011-premium-addon",
).length;

const expectation = z.strictObject({
  legal: z.array(z.string()).optional(),
  ruledOut: z.record(z.string(), z.string()).optional(),
  first: z.string().optional(),
  calUnits: z.record(z.string(), z.number()).optional(),
  licences: z.record(z.string(), z.number()).optional(),
  cheaper: z.array(z.tuple([z.string(), z.string()])).optional(),
  configuration: z.record(z.string(), z.string()).optional(),
  growthChanges: z
    .array(z.strictObject({ users: z.number(), from: z.string(), to: z.string() }))
    .optional(),
  until: z.record(z.string(), z.number().nullable()).optional(),
});
const fixture = z.strictObject({
  title: z.string(),
  cases: z.array(
    z.strictObject({
      name: z.string(),
      profile: z.unknown(),
      priced: z.boolean().default(false),
      expect: expectation,
    }),
  ),
});

for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
  const parsed = parseDocumentText(readTextFile(join(dir, file)));
  if ("problems" in parsed) throw new Error(`${file}: ${parsed.problems[0]?.message}`);
  const { title, cases } = fixture.parse(parsed.document.data);
  test(title, async (t) => {
    for (const c of cases)
      await t.test(c.name, () => {
        const profile = validateCustomerProfile(c.profile);
        assert.ok(profile.success, JSON.stringify(!profile.success && profile.problems));
        const advice = adviseEdition(profile.value, catalog, c.priced ? prices : undefined);
        const option = (product: string) => {
          const o = advice.ranked.find((r) => r.product === product);
          assert.ok(
            o,
            `${product} should be legal; ruled out: ${JSON.stringify(advice.ruledOut.find((r) => r.product === product)?.reasons)}`,
          );
          return o;
        };
        const e = c.expect;
        for (const product of e.legal ?? []) option(product);
        for (const [product, code] of Object.entries(e.ruledOut ?? {})) {
          const out = advice.ruledOut.find((r) => r.product === product);
          assert.ok(out, `${product} should be ruled out`);
          assert.ok(
            out.reasons.some((r) => r.code === code),
            `${product}: ${out.reasons.map((r) => r.code).join(", ")}`,
          );
          assert.ok(
            out.reasons.every((r) => r.sources.length > 0 && r.message.length > 0),
            "reasons cite sources",
          );
        }
        if (e.first) assert.equal(advice.ranked[0]?.product, e.first);
        for (const [product, units] of Object.entries(e.calUnits ?? {}))
          assert.equal(option(product).calUnits, units, `${product} CALs`);
        for (const [product, quantity] of Object.entries(e.licences ?? {}))
          assert.equal(
            option(product).licences.find((l) => l.product === product)?.quantity,
            quantity,
            `${product} licences`,
          );
        for (const [cheap, dear] of e.cheaper ?? []) {
          const [a, b] = [option(cheap).total, option(dear).total];
          assert.ok(a !== null && b !== null && a < b, `${cheap} ${a} < ${dear} ${b}`);
        }
        for (const [product, text] of Object.entries(e.configuration ?? {}))
          assert.ok(option(product).configuration.includes(text), option(product).configuration);
        if (c.priced) {
          const totals = advice.ranked.map((o) => o.total);
          assert.ok(
            totals.every((t) => t !== null),
            "every option priced",
          );
          assert.deepEqual(
            totals,
            [...totals].sort((x, y) => (x as number) - (y as number)),
            "ranked by total",
          );
          for (const o of advice.ranked)
            assert.equal(
              o.total,
              (o.licenceCost ?? 0) + (o.calCost ?? 0),
              `${o.product} total is licences + CALs`,
            );
        }
        if (e.growthChanges)
          assert.deepEqual(
            advice.growth?.changes.map((g) => ({ users: g.users, from: g.from, to: g.to })),
            e.growthChanges,
          );
        for (const [product, last] of Object.entries(e.until ?? {}))
          assert.equal(
            advice.growth?.editionsUntil.find((u) => u.product === product)?.lastUsers,
            last,
            `${product} until`,
          );
        assert.equal(
          advice.ranked.length + advice.ruledOut.length,
          editions,
          "every edition but the add-on is listed once",
        );
      });
  });
}
