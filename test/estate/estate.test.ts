// Runs every estate fixture (test/estate/X*.yaml): a customer's deployments and entitlements, and the estate
// position worked by hand from the licensing rules. See README.md beside it for the format.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { checkCustomerEstate, estatePositionSchema } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import { parseDocumentText } from "@calwise/core";
import { readTextFile } from "@calwise/node-files";
import { z } from "zod";

const dir = fileURLToPath(new URL(".", import.meta.url));
const files = readdirSync(dir)
  .filter((f) => /^X\d+.*\.yaml$/.test(f))
  .sort();
const catalog = loadCatalog();

const pair = z.strictObject({ users: z.number().int(), devices: z.number().int() });
const variantSchema = z.strictObject({
  name: z.string(),
  entitlements: z.array(z.record(z.string(), z.unknown())),
  deployments: z.array(
    z.strictObject({
      name: z.string(),
      revision: z.number().int().optional(),
      document: z.unknown(),
    }),
  ),
  expect: z.strictObject({
    compliant: z.boolean(),
    shortfall: z.number().int(),
    required: z.array(
      z.tuple([z.string(), z.string(), z.enum(["user", "device"]), z.number(), z.number()]),
    ),
    namedInSeveral: pair,
    summed: pair,
    notCounted: z.number().int(),
  }),
});

test("estate fixtures", async (t) => {
  for (const file of files) {
    const parsed = parseDocumentText(readTextFile(join(dir, file)));
    if ("problems" in parsed) throw new Error(`${file}: ${parsed.problems[0]?.message}`);
    const fixture = parsed.document.data as { title: string; variants: unknown[] };
    await t.test(`${basename(file, ".yaml")}: ${fixture.title}`, async (t) => {
      for (const raw of fixture.variants) {
        const variant = variantSchema.parse(raw);
        await t.test(variant.name, () => {
          const position = checkCustomerEstate({
            customer: "fixture customer",
            deployments: variant.deployments,
            entitlements: variant.entitlements,
            catalog,
          });
          estatePositionSchema.parse(JSON.parse(JSON.stringify(position)));
          const expect = variant.expect;
          assert.deepEqual(
            position.lines.map((l) => [l.family, l.version, l.type, l.required, l.coveredByOwned]),
            expect.required,
          );
          assert.equal(position.shortfall, expect.shortfall);
          assert.equal(position.compliant, expect.compliant);
          assert.deepEqual(position.people.namedInSeveral, expect.namedInSeveral);
          assert.deepEqual(position.people.summed, expect.summed);
          assert.equal(position.notCounted.length, expect.notCounted);
          // Every figure carries its rule and its sources; every owned figure names where it came from.
          for (const line of position.lines)
            assert.ok(line.rules.length > 0 && line.sources.length > 0, `${line.family} rules`);
          for (const owned of position.owned) assert.ok(owned.source.length > 0);
          const entitled = variant.entitlements.reduce((n, e) => n + Number(e.quantity), 0);
          assert.equal(
            position.owned.reduce((n, o) => n + o.quantity, 0),
            entitled,
            "the entitlements, each counted once",
          );
          for (const note of position.counting)
            assert.ok(note.rule.length > 0 && note.sources.length > 0);
          assert.equal(position.deployments.length, variant.deployments.length);
        });
      }
    });
  }
});
