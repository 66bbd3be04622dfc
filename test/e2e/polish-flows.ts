// What a reseller or an IT admin tripped over in the last review (web-polish), in the browser on SQLite and
// PostgreSQL: a compliance check without a price list says so and, once a list is in force, is checked again
// in money; a customer's stored deployment quoted in one click; the shared tables; the same price list file
// twice stored once; an entitlement deleted by an owner with the reason kept. Axe-checked and photographed.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { root } from "../cli/run-cli.ts";
import { counterPricesCsv, smallOffice } from "../service/polish-cases.ts";
import { signIn } from "./web-flows.ts";
import {
  addAccount,
  assertAccessible,
  type FlowStore,
  saveScreenshot,
  setUpFlows,
} from "./web-harness.ts";

const owner = { org: "polish-reseller", email: "owner@polish-reseller.example" };

/** A file handed to a file input without writing it anywhere. */
export function file(name: string, text: string) {
  return {
    name,
    mimeType: name.endsWith(".csv") ? "text/csv" : "text/yaml",
    buffer: Buffer.from(text),
  };
}

/** Hypothetical prices (cents) for five editions, from 2021: in force after the counter prices; four are charted. */
const editionPricesCsv = [
  "sku,family,product,version,type,packSize,price,currency,validFrom,list",
  "WS25-STD-16,,ws2025-standard,,,16,100000,EUR,2021-01-01,Edition prices",
  "WS25-DC-16,,ws2025-datacenter,,,16,600000,EUR,2021-01-01,Edition prices",
  "WS25-ESS,,ws2025-essentials,,,1,52000,EUR,2021-01-01,Edition prices",
  "WS22-STD-16,,ws2022-standard,,,16,90000,EUR,2021-01-01,Edition prices",
  "WS22-DC-16,,ws2022-datacenter,,,16,550000,EUR,2021-01-01,Edition prices",
  "WS25-D1,ws-cal,,2025,device,1,4000,EUR,2021-01-01,Edition prices",
  "WS25-D5,ws-cal,,2025,device,5,18500,EUR,2021-01-01,Edition prices",
  "WS25-U1,ws-cal,,2025,user,1,4000,EUR,2021-01-01,Edition prices",
  "WS25-U5,ws-cal,,2025,user,5,18500,EUR,2021-01-01,Edition prices",
].join("\n");

/** The customer the first flow adds, whose stored deployment the later flows use. */
let customerPath = "";

/** How far an element's content is wider than its box (0: it fits, no sideways scrolling). */
async function overflowOf(page: Page, region: string): Promise<number> {
  return page
    .getByRole("region", { name: region, exact: true })
    .evaluate((el) => el.scrollWidth - el.clientWidth);
}

/** Adds the counter price list from the Price lists screen. */
async function addCounterPrices(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Price lists", exact: true }).click();
  await page
    .getByLabel("Price list file")
    .setInputFiles(file("counter-prices.csv", counterPricesCsv));
  await page.getByRole("status").filter({ hasText: "counter-prices.csv added" }).waitFor();
}

/** The web-polish flows on `database`, on a store made by `makeStore`. */
export function runPolishFlows(database: string, makeStore: () => Promise<FlowStore>): void {
  const { open } = setUpFlows(makeStore, (location) => {
    addAccount(location, "Polish Reseller", owner.email, "owner");
  });

  test("a check with no price list in force says so; checked again once there is one, in money; then quoted from the customer", async () => {
    const watched = await open();
    const { page } = watched;
    const shot = (screen: string) => saveScreenshot(page, database, screen);
    await signIn(watched, owner);
    await page.getByRole("link", { name: "Customers", exact: true }).click();
    await page.getByLabel("Customer name").fill("Polish Shop");
    await page.getByRole("button", { name: "Add customer" }).click();
    await page.getByRole("heading", { name: "Polish Shop" }).waitFor();
    customerPath = new URL(page.url()).pathname;
    await page
      .getByLabel("Import a file")
      .setInputFiles(file("small-office.yaml", JSON.stringify(smallOffice)));
    await page.getByText("Read small-office.yaml: check the tables, then save.").waitFor();
    await page.getByRole("button", { name: "Check compliance" }).click();
    await page.getByRole("heading", { name: "Compliance: Small office" }).waitFor();
    await page.getByText(/^No price list was in force when this was checked/).waitFor();
    await assertAccessible(page, "compliance not priced");
    await shot("compliance-unpriced");
    const unpricedPath = new URL(page.url()).pathname;

    await addCounterPrices(page);
    await page.goto(unpricedPath);
    await page.getByRole("button", { name: "Check again" }).click();
    await page.getByText("Priced with Counter prices.").waitFor();
    await page.getByRole("table", { name: "Purchases" }).waitFor();
    assert.notEqual(new URL(page.url()).pathname, unpricedPath, "a new stored check");
    const purchases = page.getByRole("table", { name: "Purchases" });
    // 7 CALs: a 5-pack at €185 and two singles at €40.
    // The line and the total.
    assert.equal(await purchases.getByRole("cell", { name: "€265.00" }).count(), 2);
    await assertAccessible(page, "compliance priced");
    await shot("compliance-priced");

    await page.goto(customerPath);
    const position = page.getByRole("table", { name: "Compliance per deployment" });
    await position.getByRole("cell", { name: "€265.00" }).waitFor();
    await page.getByText(/revision 1 as saved, at Counter prices \(EUR\)/).waitFor();
    await assertAccessible(page, "customer with quote action");
    await page.getByRole("button", { name: "Quote this deployment" }).click();
    await page.getByRole("heading", { name: "Draft quote for Polish Shop" }).waitFor();
    await page.getByText(/price list Counter prices/).waitFor();
    await assertAccessible(page, "quote of a stored deployment");
    await shot("quote-from-customer");
    watched.assertClean();
    await page.context().close();
  });

  test("the same price list file twice is stored once; the shared tables: figures right-aligned, regions reachable, the cost over growth fits the quote's column at 1280 px", async () => {
    const watched = await open();
    const { page } = watched;
    await signIn(watched, owner);
    await page.getByRole("link", { name: "Price lists", exact: true }).click();
    const prices = file("edition-prices.csv", editionPricesCsv);
    await page.getByLabel("Price list file").setInputFiles(prices);
    await page.getByRole("status").filter({ hasText: "edition-prices.csv added" }).waitFor();
    await page.getByLabel("Price list file").setInputFiles(prices);
    await page
      .getByRole("status")
      .filter({ hasText: "edition-prices.csv was already stored, nothing added" })
      .waitFor();
    // The list refetches after each upload; under load the first refetch may not have landed when the
    // second status shows. A reload reads the server's final state once, so the count is what is stored.
    await page.reload();
    const stored = page.getByRole("row", { name: /Edition prices/ });
    await stored.first().waitFor();
    assert.equal(await stored.count(), 1);
    await assertAccessible(page, "price list stored once");
    await saveScreenshot(page, database, "price-list-once");

    await page.goto(customerPath);
    await page.getByText(/revision 1 as saved, at Edition prices \(EUR\)/).waitFor();
    await page.getByRole("button", { name: "Quote this deployment" }).click();
    await page.getByRole("heading", { name: "Draft quote for Polish Shop" }).waitFor();
    const growth = page.getByRole("table", { name: /^Cost as staff and devices grow/ });
    await growth.getByRole("rowheader", { name: /\(today\)$/ }).waitFor();
    const editions = await growth.locator("thead th.num").count();
    // Four editions side by side (as many as the chart shows): the widest the table gets.
    assert.equal(editions, 4, "four editions priced side by side");
    assert.equal(
      await overflowOf(page, "Cost figures, scrollable"),
      0,
      "no sideways scroll at 1280 px",
    );
    await assertAccessible(page, "quote with a compact cost table");
    await saveScreenshot(page, database, "quote-cost-compact");

    await page.getByRole("link", { name: "Quotes", exact: true }).first().click();
    const quotes = page.getByRole("region", { name: "Quotes, scrollable", exact: true });
    await quotes.getByRole("row").nth(2).waitFor();
    assert.equal(
      await quotes.getAttribute("tabindex"),
      "0",
      "the scroll region is keyboard-reachable",
    );
    const align = (cell: string) =>
      quotes
        .locator(cell)
        .first()
        .evaluate((el) => getComputedStyle(el).textAlign);
    assert.deepEqual(
      [
        await align("thead th:last-child"),
        await align("tbody td:last-child"),
        await align("thead th:first-child"),
      ],
      ["right", "right", "left"],
    );
    await assertAccessible(page, "quotes list");
    watched.assertClean();
    await page.context().close();
  });

  test("an entitlement entered by mistake is deleted by the owner, who says why; the same file imported twice adds nothing", async () => {
    const watched = await open();
    const { page } = watched;
    await signIn(watched, owner);
    await page.goto(customerPath);
    const entitlements = join(root, "examples/entitlements.csv");
    await page.getByLabel("Import entitlements (CSV)").setInputFiles(entitlements);
    await page.getByText("entitlements.csv imported.").waitFor();
    await page.getByRole("table", { name: "Entitlements (3)" }).waitFor();
    await page.getByLabel("Import entitlements (CSV)").setInputFiles(entitlements);
    await page.getByText("entitlements.csv was imported before: nothing added.").waitFor();
    await page.getByRole("table", { name: "Entitlements (3)" }).waitFor();

    await page.getByRole("button", { name: "Delete ws-cal 2012 user, 25" }).click();
    await page.getByRole("heading", { name: "Delete “ws-cal 2012 user, 25”?" }).waitFor();
    await page.getByRole("button", { name: "Delete entitlement" }).click();
    await page.getByText(/^Say why it is deleted/).waitFor();
    await assertAccessible(page, "entitlement deletion asks why");
    await saveScreenshot(page, database, "entitlement-delete");
    await page.getByLabel("Why is it deleted?").fill("entered twice: the same invoice");
    await page.getByRole("button", { name: "Delete entitlement" }).click();
    await page.getByRole("status").filter({ hasText: "ws-cal 2012 user, 25 deleted." }).waitFor();
    await page.getByRole("table", { name: "Entitlements (2)" }).waitFor();
    assert.equal(await page.getByRole("cell", { name: "INV-2024-0117" }).count(), 0);
    await assertAccessible(page, "entitlements after a deletion");
    watched.assertClean();
    await page.context().close();
  });
}
