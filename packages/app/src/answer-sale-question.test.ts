import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { CalwiseError, type PriceList } from "@calwise/core";
import { answerSaleQuestion } from "./answer-sale-question.ts";

const catalog = loadCatalog();

/** Hypothetical prices (integer cents), not Microsoft's: single CALs and 5-packs of user and device CALs. */
const prices: PriceList = {
  name: "counter prices",
  currency: "EUR",
  items: [
    { sku: "U1", family: "ws-cal", version: "2012", type: "user", packSize: 1, price: 3000 },
    { sku: "U5", family: "ws-cal", version: "2012", type: "user", packSize: 5, price: 14000 },
    { sku: "D1", family: "ws-cal", version: "2012", type: "device", packSize: 1, price: 3000 },
    { sku: "D5", family: "ws-cal", version: "2012", type: "device", packSize: 5, price: 14000 },
    { sku: "R1", family: "rds-cal", version: "2012", type: "user", packSize: 1, price: 9000 },
    { sku: "RD1", family: "rds-cal", version: "2012", type: "device", packSize: 1, price: 9000 },
  ],
};

test("twelve staff sharing five PCs: five device CALs, one 5-pack, said in one sentence", () => {
  const answer = answerSaleQuestion({
    question: { product: "ws2012-standard", users: 12, devices: 5, sharedDevices: 5 },
    catalog,
    prices,
  });
  assert.deepEqual(
    answer.cals.map((c) => [c.family, c.version, c.type, c.count]),
    [["ws-cal", "2012", "device", 5]],
  );
  assert.equal(answer.result.purchaseTotal, 14000);
  assert.match(answer.sentence, /each of your 5 devices needs a .* device CAL/i);
  assert.match(answer.sentence, /1 × 5-pack\.$/);
  assert.deepEqual(answer.editionWarnings, []);
});

test("twelve staff with a PC and a phone each: twelve user CALs, 2 × 5-pack + 2 single CALs", () => {
  const answer = answerSaleQuestion({
    question: { product: "ws2012-standard", users: 12, devices: 24 },
    catalog,
    prices,
  });
  assert.deepEqual(
    answer.cals.map((c) => [c.type, c.count]),
    [["user", 12]],
  );
  assert.equal(answer.result.purchaseTotal, 2 * 14000 + 2 * 3000);
  assert.match(answer.sentence, /^Each of your 12 staff needs a .* user CAL to connect: /);
});

test("Remote Desktop adds RDS CALs on top of the Windows Server CALs", () => {
  const answer = answerSaleQuestion({
    question: { product: "ws2012-standard", users: 3, devices: 3, rds: true },
    catalog,
    prices,
  });
  assert.deepEqual(answer.cals.map((c) => c.family).sort(), ["rds-cal", "ws-cal"]);
});

test("an edition over its cap warns and names the editions that can serve", () => {
  const answer = answerSaleQuestion({
    question: { product: "ws2012-essentials", users: 30, devices: 30 },
    catalog,
    prices,
  });
  const warning = answer.editionWarnings[0];
  assert.equal(warning?.code, "EDITION_USER_LIMIT");
  assert.ok(warning?.remedyEditions?.some((e) => e.product === "ws2012-standard"));
  assert.match(warning?.message ?? "", /; NEW-SERVER has 30$/);
  assert.match(
    answer.sentence,
    /^Windows Server 2012 Essentials cannot serve 30 staff on 30 devices: sell .*Windows Server 2012 Standard.* instead\.$/,
  );
});

test("no staff and no devices: no CALs and a sentence that asks for the counts", () => {
  const answer = answerSaleQuestion({
    question: { product: "ws2012-standard", users: 0, devices: 0 },
    catalog,
  });
  assert.deepEqual(answer.cals, []);
  assert.match(answer.sentence, /how many staff and devices/);
});

test("a question that cannot be answered is INPUT_INVALID with every problem by field", () => {
  assert.throws(
    () =>
      answerSaleQuestion({
        question: { product: "sql2022-standard", users: 2, devices: 1, sharedDevices: 3 },
        catalog,
      }),
    (error: unknown) =>
      error instanceof CalwiseError &&
      error.code === "INPUT_INVALID" &&
      error.problems.map((p) => p.path).join(",") === "product,sharedDevices",
  );
});

test("more staff × shared devices than a counter answers is INPUT_INVALID at sharedDevices", () => {
  assert.throws(
    () =>
      answerSaleQuestion({
        question: { product: "ws2025-standard", users: 5000, devices: 5000, sharedDevices: 51 },
        catalog,
      }),
    (error: unknown) =>
      error instanceof CalwiseError &&
      error.problems.length === 1 &&
      error.problems[0]?.path === "sharedDevices" &&
      error.problems[0]?.received === "5000 × 51",
  );
});
