// What a customer's account and a new sales agent meet (web-customer), in the browser on SQLite and PostgreSQL: a
// customer reads its own quotes (read-only, named, never another customer's); the edition lists wait for the
// catalog (slowed on the wire) at the point of sale and in the deployment form; counts read "50,000".
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { smallOffice } from "../service/polish-cases.ts";
import { callApi, setUpCounterFlows } from "./gaps-flows.ts";
import { signIn } from "./web-flows.ts";
import { assertAccessible, type FlowStore, password, saveScreenshot } from "./web-harness.ts";

const owner = { org: "counter-resellers", email: "owner@counter-resellers.example" };
const sales = { org: "counter-resellers", email: "sales@counter-resellers.example" };

/** Slows every request matching `url` by 2 s on the wire, so a screen meets its data late on any machine. */
async function slowDown(page: Page, url: string): Promise<void> {
  await page.route(url, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
}

/** The web-customer flows on `database`, on a store made by `makeStore`. */
export function runWebCustomerFlows(database: string, makeStore: () => Promise<FlowStore>): void {
  const { open, signInWithPrices } = setUpCounterFlows(makeStore, "Counter resellers", {
    owner,
    sales,
  });

  test("a customer's account reads its own quotes, with its name, read-only, and never another customer's", async () => {
    const watched = await signInWithPrices(owner);
    const { page } = watched;
    const quoteOf = async (name: string) => {
      const customer = await callApi(page, "POST", "/v1/customers", { name });
      const quote = await callApi(page, "POST", "/v1/quotes", {
        customerId: customer.id,
        deployment: smallOffice,
        terms: { currency: "EUR" },
      });
      return { customerId: String(customer.id), quoteId: String(quote.id) };
    };
    const own = await quoteOf("Quoted Bakery");
    const other = await quoteOf("Other Bakery");
    await callApi(page, "POST", `/v1/quotes/${own.quoteId}/issue`);
    const account = { email: "buyer@quoted-bakery.example", password };
    await callApi(page, "POST", "/v1/users", {
      ...account,
      role: "customer",
      customerId: own.customerId,
    });
    watched.assertClean();
    await page.context().close();

    const customer = await open();
    const seen = customer.page;
    await signIn(customer, { org: owner.org, email: account.email }, "Quoted Bakery");
    // Its quotes are one click away in its navigation; the list asks nothing only the staff may ask (the old
    // screen asked for every customer and met a 403, which assertClean would show).
    await seen
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Your quotes" })
      .click();
    await seen.getByRole("heading", { name: "Your quotes", level: 1 }).waitFor();
    const rows = seen.getByRole("table", { name: "Quotes" }).locator("tbody tr");
    await rows.first().waitFor();
    assert.deepEqual(
      (await rows.allTextContents()).map((text) => /Quoted Bakery/.test(text)),
      [true],
      "one quote, its own, with its name",
    );
    assert.equal(
      await seen.getByLabel("Customer", { exact: true }).count(),
      0,
      "no customer filter",
    );
    await assertAccessible(seen, "customer's own quotes");
    await saveScreenshot(seen, database, "customer-own-quotes");
    await rows.first().getByRole("link").click();
    await seen.getByRole("heading", { name: /^Quote \d+ for Quoted Bakery$/ }).waitFor();
    await seen.getByRole("table", { name: "Lines" }).waitFor();
    // Read-only: the downloads, no outcome to record, no CAL line to remove, no edition advice (staff-only API).
    await seen.getByRole("link", { name: "Download PDF" }).waitFor();
    for (const name of ["Customer accepted", "Customer declined", "Withdraw", "Issue quote"])
      assert.equal(await seen.getByRole("button", { name }).count(), 0, name);
    assert.equal(await seen.getByRole("button", { name: /^Remove / }).count(), 0);
    await seen.getByRole("heading", { name: "Your quotes", level: 2 }).waitFor();
    await assertAccessible(seen, "customer's own quote");
    await saveScreenshot(seen, database, "customer-own-quote");
    // Another customer's quote is not found, in words, and its list asks the API nothing it may not.
    await seen.goto(`/quotes/${other.quoteId}`);
    await seen.getByRole("heading", { name: "Quote not found" }).waitFor();
    await seen
      .getByText("This quote was not found, or it is not shared with your account.")
      .waitFor();
    // The 404 asked for, as the response and as the browser's console line about it.
    assert.equal(customer.expectProblems(/HTTP 404: GET .*\/v1\/quotes\/|status of 404/), 2);
    customer.assertClean();
    await seen.context().close();
  });

  test("the point of sale's edition lists wait for the catalog (slowed on the wire) and say so", async () => {
    const watched = await signInWithPrices(sales);
    const { page } = watched;
    await slowDown(page, "**/v1/catalog");
    await page.reload();
    await page.getByRole("heading", { name: "Point of sale" }).waitFor();
    // While the catalog loads: said in words, and neither list nor the search can be used.
    await page.getByText("Loading the editions…").waitFor();
    assert.equal(await page.locator("#product").isDisabled(), true, "the edition list waits");
    assert.equal(await page.locator("#sqlProduct").isDisabled(), true, "the SQL Server list waits");
    assert.equal(await page.locator("#edition-search").isDisabled(), true, "the search waits");
    await saveScreenshot(page, database, "point-of-sale-catalog-loading");
    // Then every list is there and usable.
    await page.locator("#product option", { hasText: "Windows Server 2022 Essentials" }).waitFor({
      state: "attached",
    });
    assert.equal(await page.locator("#product").isEnabled(), true);
    assert.ok((await page.locator("#sqlProduct option").count()) > 1, "SQL Server editions listed");
    await page.getByLabel("Find the edition").fill("2022 essentials");
    await page.getByLabel("Find the edition").press("Enter");
    assert.match(
      (await page.locator("#product option:checked").textContent()) ?? "",
      /2022 Essentials/,
    );
    await page.unroute("**/v1/catalog");
    watched.assertClean();
    await page.context().close();
  });

  test("the deployment form waits for the catalog's editions before it can be filled (slowed on the wire)", async () => {
    const watched = await signInWithPrices(sales);
    const { page } = watched;
    const customer = await callApi(page, "POST", "/v1/customers", { name: "Catalog Bakery" });
    await slowDown(page, "**/v1/catalog");
    await page.goto(`/customers/${String(customer.id)}`);
    const form = page.getByRole("form", { name: "Check a deployment" });
    await form.getByText("Loading the editions and CAL types…").waitFor();
    assert.equal(await form.getByLabel("Server 1 edition").count(), 0, "no empty edition list");
    assert.equal(await form.getByRole("button", { name: "Try a sample" }).count(), 0);
    const edition = form.getByLabel("Server 1 edition");
    await edition.waitFor();
    assert.ok(
      (await edition.locator("option").allTextContents()).some((name) =>
        /Windows Server 2025 Standard/.test(name),
      ),
      "the editions are listed when the form is shown",
    );
    await page.unroute("**/v1/catalog");
    watched.assertClean();
    await page.context().close();
  });

  test("counts read 50,000 in a shortfall's sentence and the check's summary, 5,000 in the point of sale's answer", async () => {
    const watched = await signInWithPrices(sales);
    const { page } = watched;
    const check = await callApi(page, "POST", "/v1/evaluations", {
      deployment: {
        name: "Large office",
        servers: [{ name: "FS1", product: "ws2025-standard" }],
        users: ["u{1..50000}"],
        devices: ["pc{1..50000}"],
        accesses: [{ user: "u{1..50000}", device: "pc{1..50000}", server: "FS1" }],
        owned: [{ family: "ws-cal", version: "2025", type: "user", quantity: 20000 }],
      },
    });
    await page.goto(`/evaluations/${String(check.id)}`);
    await page.getByRole("heading", { name: "Compliance: Large office" }).waitFor();
    const finding = page.locator(".finding", { hasText: "this deployment needs" });
    await finding.waitFor();
    assert.match(
      (await finding.textContent()) ?? "",
      /You own 20,000 of the 50,000 Windows Server user CALs \(version 2025 or later\) this deployment needs: buy 30,000\./,
    );
    assert.match((await page.locator(".status").textContent()) ?? "", /^Not compliant: 30,000 /);
    await saveScreenshot(page, database, "evaluation-counts");
    await page.goto("/");
    await page.getByLabel("Staff", { exact: true }).fill("5000");
    await page.getByLabel("Devices", { exact: true }).fill("5000");
    await page.getByLabel("Shared devices", { exact: true }).fill("0");
    // The point of sale's largest question (5,000 staff): a loaded machine's upper bound, not a measure; a
    // failing wait says what the answer said instead.
    const sentence = page.locator(".answer-sentence");
    await page
      .locator(".answer-sentence", { hasText: /5,000|5000/ })
      .waitFor({ timeout: 60_000 })
      .catch(async (error: Error) => {
        throw new Error(`the answer said: ${await sentence.textContent()}`, { cause: error });
      });
    const said = (await sentence.textContent()) ?? "";
    assert.match(said, /each of your 5,000 /i);
    assert.doesNotMatch(said, /5000/);
    await page
      .getByRole("table", { name: "CALs needed" })
      .getByRole("cell", { name: "5,000", exact: true })
      .waitFor();
    watched.assertClean();
    await page.context().close();
  });
}
