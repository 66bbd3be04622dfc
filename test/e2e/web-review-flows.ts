// The first steps of a new reseller in the browser (issue 13's review): an organisation with no price list
// finds, from the point of sale, where to add one; a file that does not read is refused with its line; a good
// one is listed as in force and prices the point of sale's answer. Checked by axe-core and photographed at
// desktop and tablet width; the header keeps every navigation link in view at both.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { counterPricesCsv as priceCsv } from "../service/polish-cases.ts";
import { signIn, waitForAnswer } from "./web-flows.ts";
import {
  addAccount,
  assertAccessible,
  type FlowStore,
  saveScreenshot,
  setUpFlows,
} from "./web-harness.ts";

const owner = { org: "new-reseller", email: "owner@new-reseller.example" };

/** Axe-checks and photographs the screen at 1280 px, then at tablet width, where no link may leave the page. */
async function photograph(page: Page, database: string, screen: string): Promise<void> {
  await assertAccessible(page, screen);
  await saveScreenshot(page, database, screen);
  await page.setViewportSize({ width: 768, height: 1024 });
  await assertAccessible(page, `${screen} (tablet)`);
  await saveScreenshot(page, database, `${screen}-tablet`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.equal(overflow, 0, `the ${screen} screen is wider than a tablet`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The new reseller's flow on `database`, on a store made by `makeStore`. */
export function runReviewFlows(database: string, makeStore: () => Promise<FlowStore>): void {
  const { open } = setUpFlows(makeStore, (location) => {
    addAccount(location, "New Reseller", owner.email, "owner");
  });

  test("a new reseller adds its price list from the point of sale's hint; a bad file is refused at its line", async () => {
    const watched = await open();
    const { page } = watched;
    await signIn(watched, owner);
    await waitForAnswer(page, /each of your 5 devices/i);
    await page
      .getByRole("cell", { name: "No price list yet: the counts above are what to sell." })
      .waitFor();
    await page.getByRole("link", { name: "price list", exact: true }).click();
    await page.getByRole("heading", { name: "Price lists" }).waitFor();
    await page.getByText(/^No price list yet\./).waitFor();
    await photograph(page, database, "price-lists-empty");

    await page.getByLabel("Price list file").setInputFiles({
      name: "prices.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("sku,price\nX,1\n"),
    });
    const refusal = page.getByRole("alert");
    await refusal.getByRole("heading", { name: "prices.csv was not imported" }).waitFor();
    assert.match(await refusal.innerText(), /line 1, column 1: .*'currency' column/);
    assert.equal(watched.expectProblems(/HTTP 400|status of 400/), 2, "one refused file");

    await page.getByLabel("Price list file").setInputFiles({
      name: "counter-prices.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(priceCsv),
    });
    await page.getByRole("status").filter({ hasText: "counter-prices.csv added" }).waitFor();
    const row = page.getByRole("row", { name: /Counter prices/ });
    await row.getByText("in force today").waitFor();
    assert.match(
      await row.innerText(),
      /EUR[\s\S]*from 1 Jan 2020[\s\S]*5[\s\S]*counter-prices\.csv/,
    );
    await photograph(page, database, "price-lists");

    await page.getByRole("link", { name: "Point of sale", exact: true }).click();
    await waitForAnswer(page, /1 × 5\u2011pack/);
    await page.getByRole("cell", { name: "€185.00" }).first().waitFor();
    // Priced now: the next step is the customer, not the price list.
    await page.getByRole("link", { name: "add the customer" }).waitFor();
    watched.assertClean();
    await page.context().close();
  });
}
