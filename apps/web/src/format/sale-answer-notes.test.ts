import assert from "node:assert/strict";
import { test } from "node:test";
import type { Schema } from "../api/api-client.ts";
import { saleAnswerNotes } from "./sale-answer-notes.ts";

type SaleAnswer = Schema<"SaleAnswer">;

/** An answer as POST /v1/point-of-sale gives it (its deployment left out: the notes do not read it). */
function answer(
  cal: { version: string; count: number },
  purchases: { version: string; units: number }[],
  priced = true,
): SaleAnswer {
  return {
    question: { product: "p", users: cal.count, devices: cal.count, sharedDevices: 0, rds: false },
    cals: [
      {
        family: "ws-cal",
        name: "Windows Server CAL",
        version: cal.version,
        type: "user",
        count: cal.count,
      },
    ],
    sentence: "",
    editionWarnings: [],
    compliant: false,
    currency: "EUR",
    priceList: priced ? { name: "list", version: "1" } : null,
    purchases: purchases.map((p) => ({
      kind: "cal",
      family: "ws-cal",
      version: p.version,
      type: "user",
      units: p.units,
      packs: [{ sku: "S", size: 1, count: p.units, price: 100 }],
      cost: 100 * p.units,
      overbuy: 0,
      reason: "",
      rule: "pack-purchase",
      sources: [],
    })),
    purchaseTotal: 0,
    deployment: {},
  } as unknown as SaleAnswer;
}

test("CALs included with the server licence are said, with what is left to buy", () => {
  assert.deepEqual(
    saleAnswerNotes(answer({ version: "2008", count: 7 }, [{ version: "2008", units: 2 }])),
    ["5 of the 7 Windows Server CAL 2008 user CALs come with the server licence: buy 2."],
  );
  assert.deepEqual(saleAnswerNotes(answer({ version: "2008", count: 3 }, [])), [
    "All 3 Windows Server CAL 2008 user CALs come with the server licence: nothing to buy.",
  ]);
});

test("CALs priced as a later version say so; CALs bought as needed say nothing", () => {
  assert.deepEqual(
    saleAnswerNotes(answer({ version: "2019", count: 8 }, [{ version: "2022", units: 8 }])),
    [
      "Windows Server CAL 2019 user CALs are priced as 2022 ones, the cheapest on the list that cover 2019: a CAL covers its own version and earlier ones.",
    ],
  );
  assert.deepEqual(
    saleAnswerNotes(answer({ version: "2022", count: 8 }, [{ version: "2022", units: 8 }])),
    [],
  );
});

test("without a price list nothing is bought, so nothing is explained", () => {
  assert.deepEqual(saleAnswerNotes(answer({ version: "2008", count: 7 }, [], false)), []);
});
