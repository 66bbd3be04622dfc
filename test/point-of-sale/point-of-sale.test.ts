// Runs every point-of-sale fixture (test/point-of-sale/S*.yaml): a sale question and the answer worked by hand
// from the licensing rules. See README.md beside it for the format.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { answerSaleQuestion } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import { parseDocumentText, validatePriceList } from "@calwise/core";
import { expandRange } from "@calwise/core/expand-range";
import { readTextFile } from "@calwise/node-files";
import { z } from "zod";

const dir = fileURLToPath(new URL(".", import.meta.url));
const files = readdirSync(dir)
  .filter((f) => /^S\d+.*\.yaml$/.test(f))
  .sort();
const catalog = loadCatalog();

const variantSchema = z.strictObject({
  name: z.string(),
  prices: z.string(),
  question: z.unknown(),
  expect: z.strictObject({
    cals: z.array(z.tuple([z.string(), z.string(), z.enum(["user", "device"]), z.number()])),
    purchaseTotal: z.number().int(),
    sharedDevices: z.number().int(),
    sentence: z.string().optional(),
  }),
});

function readData(path: string): unknown {
  const parsed = parseDocumentText(readTextFile(path));
  if ("problems" in parsed) throw new Error(`${path}: ${parsed.problems[0]?.message}`);
  return parsed.document.data;
}

/** Devices of a deployment document that more than one user reaches (what the quote's advice panel counts). */
function countSharedDevices(deployment: Record<string, unknown>): number {
  const usersOf = new Map<string, Set<string>>();
  for (const a of deployment.accesses as { user?: string; device?: string }[])
    if (a.user !== undefined && a.device !== undefined) {
      const users = usersOf.get(a.device) ?? new Set();
      for (const user of expandRange(a.user) ?? []) users.add(user);
      usersOf.set(a.device, users);
    }
  return [...usersOf.values()].filter((users) => users.size > 1).length;
}

test("point-of-sale fixtures", async (t) => {
  for (const file of files) {
    const fixture = readData(join(dir, file)) as { title: string; variants: unknown[] };
    await t.test(`${basename(file, ".yaml")}: ${fixture.title}`, async (t) => {
      for (const raw of fixture.variants) {
        const variant = variantSchema.parse(raw);
        await t.test(variant.name, () => {
          const prices = validatePriceList(readData(join(dir, variant.prices)));
          if (!prices.success) throw new Error(`${variant.prices}: not a price list`);
          const answer = answerSaleQuestion({
            question: variant.question,
            catalog,
            prices: prices.value,
          });
          const expect = variant.expect;
          assert.deepEqual(
            answer.cals.map((c) => [c.family, c.version, c.type, c.count]),
            expect.cals,
            answer.sentence,
          );
          assert.equal(answer.result.purchaseTotal, expect.purchaseTotal);
          assert.equal(countSharedDevices(answer.deployment), expect.sharedDevices);
          if (expect.sentence !== undefined)
            assert.ok(
              answer.sentence.toLowerCase().includes(expect.sentence.toLowerCase()),
              `the sentence: ${answer.sentence}`,
            );
          else assert.doesNotMatch(answer.sentence, /shared device/);
        });
      }
    });
  }
});
