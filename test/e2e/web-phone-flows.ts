// A newcomer's walk on a phone and a laptop (web-phone), in the browser on SQLite and PostgreSQL: a quote's figures
// stacked line by line at 390 px (no sideways scroll) and a table at 1280 px, on the point of sale, the quote and
// the customer's read-only quote; a customer's account never sees its reseller's draft, and reads "not found, or
// not shared with your account" with links to its own on every record screen it can reach by address; "Issue
// quote" says it is working, and a double click issues once.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { smallOffice } from "../service/polish-cases.ts";
import { callApi, setUpCounterFlows } from "./gaps-flows.ts";
import { signIn, waitForAnswer } from "./web-flows.ts";
import { assertAccessible, type FlowStore, password, saveScreenshot } from "./web-harness.ts";

const owner = { org: "phone-resellers", email: "owner@phone-resellers.example" };
const sales = { org: "phone-resellers", email: "sales@phone-resellers.example" };
const phone = { width: 390, height: 844 };
const laptop = { width: 1280, height: 900 };

/**
 * Whether the page or any table's frame scrolls sideways, and how the first body row of each money table is laid
 * out ("flex": stacked blocks; "table-row": a table), read from the page as it is drawn.
 */
async function layoutOf(page: Page) {
  return page.evaluate(() => ({
    pageScrolls: document.documentElement.scrollWidth > window.innerWidth,
    framesScrolling: [...document.querySelectorAll<HTMLElement>(".table-scroll")]
      .filter((frame) => frame.querySelector(".table-stack") !== null)
      .filter((frame) => frame.scrollWidth > frame.clientWidth + 1)
      .map((frame) => frame.getAttribute("aria-label")),
    rows: [...document.querySelectorAll(".table-stack tbody tr")].map(
      (row) => getComputedStyle(row).display,
    ),
  }));
}

/** Asserts the money tables are stacked blocks at 390 px, nothing scrolling sideways, and tables at 1280 px. */
async function assertStackedOnPhone(page: Page, screen: string, database: string) {
  await page.setViewportSize(phone);
  const onPhone = await layoutOf(page);
  assert.equal(onPhone.pageScrolls, false, `${screen}: the page scrolls sideways at 390 px`);
  assert.deepEqual(onPhone.framesScrolling, [], `${screen}: a table scrolls sideways at 390 px`);
  assert.ok(onPhone.rows.length > 0, `${screen}: no money table`);
  assert.ok(
    onPhone.rows.every((d) => d === "flex"),
    `${screen}: rows at 390 px: ${onPhone.rows}`,
  );
  await saveScreenshot(page, database, `${screen}-390`);
  await page.setViewportSize(laptop);
  const onLaptop = await layoutOf(page);
  assert.ok(
    onLaptop.rows.every((d) => d === "table-row"),
    `${screen}: rows at 1280 px: ${onLaptop.rows}`,
  );
  await saveScreenshot(page, database, `${screen}-1280`);
}

/** The web-phone flows on `database`, on a store made by `makeStore`. */
export function runWebPhoneFlows(database: string, makeStore: () => Promise<FlowStore>): void {
  const { open, signInWithPrices } = setUpCounterFlows(makeStore, "Phone resellers", {
    owner,
    sales,
  });

  test("a sales agent on a phone: the answer's and the quote's figures stacked, issued once with progress shown", async () => {
    const watched = await signInWithPrices(sales);
    const { page } = watched;
    await callApi(page, "POST", "/v1/customers", { name: "Pocket Café" });
    await page.reload();
    await waitForAnswer(page, /each of your/i);
    await assertStackedOnPhone(page, "phone-point-of-sale", database);
    await page.setViewportSize(phone);
    // Each pack's price beside its name, and the total, in view without scrolling sideways.
    const packs = page.getByRole("table", { name: /^Cheapest packs/ });
    await packs.locator("td[data-label='Price']").first().waitFor();
    await packs.locator("td[data-label='Total']").waitFor();
    await assertAccessible(page, "point of sale at 390 px");
    // Below the form on a phone, the answer is out of view: its one line is pinned to the screen's bottom as the
    // agent types, and a tap brings the whole answer (and the line goes).
    await page.evaluate(() => window.scrollTo(0, 0));
    const peek = page.getByRole("button", { name: /See the answer/ });
    await peek.waitFor();
    assert.match((await peek.textContent()) ?? "", /^5 device CALs€185\.00See the answer/);
    // Two more devices, each one person's own: two of the staff get user CALs, and the line says so.
    await page.getByLabel(/^Devices/).fill("7");
    await peek.filter({ hasText: /^5 device CALs \+ 2 user CALs\s*€265\.00/ }).waitFor();
    await saveScreenshot(page, database, "phone-point-of-sale-peek-390", false);
    await peek.click();
    await peek.waitFor({ state: "detached" });
    const sentence = await page.locator(".answer-sentence").boundingBox();
    assert.ok(
      sentence !== null && sentence.y >= 0 && sentence.y < phone.height,
      `the answer's sentence in view after the tap: ${JSON.stringify(sentence)}`,
    );
    await page.setViewportSize(laptop);
    await page.evaluate(() => window.scrollTo(0, 0));
    assert.equal(await peek.isVisible(), false, "no pinned line beside the answer on a laptop");
    await page.getByLabel(/^Devices/).fill("5");
    await waitForAnswer(page, /each of your 5 devices/i);
    await page.setViewportSize(phone);

    await page.getByLabel("Customer for the quote").selectOption({ label: "Pocket Café" });
    await page.getByRole("button", { name: "Add to quote" }).click();
    await page.getByRole("heading", { name: "Draft quote for Pocket Café" }).waitFor();
    const lines = page.getByRole("table", { name: "Lines" });
    await lines.locator("td[data-label='Net']").first().waitFor();
    await assertStackedOnPhone(page, "phone-quote-draft", database);
    await page.setViewportSize(phone);
    await assertAccessible(page, "draft quote at 390 px");

    // The issue is slowed on the wire (a busy server): the button says it is working, and a double click
    // sends one request; the quote gets one number.
    const issues: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && /\/issue$/.test(request.url())) issues.push(request.url());
    });
    await page.route("**/v1/quotes/*/issue", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      await route.continue();
    });
    await page.getByRole("button", { name: "Issue quote" }).dblclick();
    const working = page.getByRole("button", { name: "Issuing…" });
    await working.waitFor();
    assert.equal(await working.isDisabled(), true, "disabled while issuing");
    await page.getByRole("status").filter({ hasText: "Issuing the quote" }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: /^Still issuing/ })
      .waitFor();
    await saveScreenshot(page, database, "phone-quote-issuing-390");
    await page.getByRole("heading", { name: /^Quote \d+ for Pocket Café$/ }).waitFor();
    assert.equal(issues.length, 1, `one issue request: ${issues.join(", ")}`);
    assert.equal(await page.getByRole("button", { name: /^Issu/ }).count(), 0);
    await assertStackedOnPhone(page, "phone-quote-issued", database);
    // The agent's list of quotes on a phone: the new quote's number and total in view.
    await page.setViewportSize(phone);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Quotes", exact: true })
      .click();
    await page.getByRole("table", { name: "Quotes" }).locator("tbody tr").first().waitFor();
    const list = await layoutOf(page);
    assert.equal(list.pageScrolls, false, "the quotes list: the page scrolls sideways");
    assert.deepEqual(list.framesScrolling, [], "the quotes list scrolls sideways");
    await page.locator("td[data-label='Total']").first().waitFor();
    await saveScreenshot(page, database, "phone-quotes-390");
    watched.assertClean();
    await page.context().close();
  });

  test("a customer's account: its issued quote stacked on a phone, never a draft, and 'not shared with your account' on every record screen", async () => {
    const watched = await signInWithPrices(owner);
    const { page } = watched;
    const quoteFor = async (customerId: unknown) =>
      String(
        (
          await callApi(page, "POST", "/v1/quotes", {
            customerId,
            deployment: smallOffice,
            terms: { currency: "EUR" },
          })
        ).id,
      );
    const own = String(
      (await callApi(page, "POST", "/v1/customers", { name: "Pocket Bakery" })).id,
    );
    const other = String(
      (await callApi(page, "POST", "/v1/customers", { name: "Other Pocket" })).id,
    );
    const draft = await quoteFor(own);
    const issued = await quoteFor(own);
    await callApi(page, "POST", `/v1/quotes/${issued}/issue`);
    const othersQuote = await quoteFor(other);
    await callApi(page, "POST", `/v1/quotes/${othersQuote}/issue`);
    const othersCheck = String(
      (
        await callApi(page, "POST", "/v1/evaluations", {
          deployment: smallOffice,
          customerId: other,
        })
      ).id,
    );
    const account = "buyer@pocket-bakery.example";
    await callApi(page, "POST", "/v1/users", {
      email: account,
      password,
      role: "customer",
      customerId: own,
    });
    watched.assertClean();
    await page.context().close();

    const customer = await open();
    const seen = customer.page;
    await signIn(customer, { org: owner.org, email: account }, "Pocket Bakery");
    // A newcomer's phone: its licences and its quotes, nothing wider than the window.
    await seen.setViewportSize(phone);
    await seen.getByRole("heading", { name: "Deployments", exact: true }).waitFor();
    assert.equal((await layoutOf(seen)).pageScrolls, false, "its licences scroll sideways");
    await saveScreenshot(seen, database, "phone-customer-licences-390");
    // Its quotes: the issued one only (the draft is its reseller's work in progress).
    await seen.goto("/quotes");
    const rows = seen.getByRole("table", { name: "Quotes" }).locator("tbody tr");
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1, "one quote listed, the issued one");
    assert.equal(
      await seen.getByLabel("Status").locator("option", { hasText: "Draft" }).count(),
      0,
      "no draft to filter by",
    );
    assert.equal((await layoutOf(seen)).pageScrolls, false, "its quotes scroll sideways");
    await saveScreenshot(seen, database, "phone-customer-quotes-390");
    await seen.setViewportSize(laptop);
    await rows.first().getByRole("link").click();
    await seen.getByRole("heading", { name: /^Quote \d+ for Pocket Bakery$/ }).waitFor();
    await seen
      .getByRole("table", { name: "Lines" })
      .locator("td[data-label='Net']")
      .first()
      .waitFor();
    await assertStackedOnPhone(seen, "phone-customer-quote", database);
    await seen.setViewportSize(phone);
    await assertAccessible(seen, "customer's quote at 390 px");

    // Every record screen it can reach by address: the same words for "not there" and "not its own".
    const screens = [
      { path: `/quotes/${draft}`, heading: "Quote not found", what: "its own draft" },
      { path: `/quotes/${othersQuote}`, heading: "Quote not found", what: "another's quote" },
      { path: `/customers/${other}`, heading: "Customer not found", what: "another customer" },
      { path: `/evaluations/${othersCheck}`, heading: "Check not found", what: "another's check" },
      { path: "/audits/no-such-audit", heading: "Audit not found", what: "an audit" },
    ];
    for (const screen of screens) {
      await seen.goto(screen.path);
      try {
        await seen.getByRole("heading", { name: screen.heading, level: 1 }).waitFor();
      } catch (error) {
        const said = await seen.locator("#main").textContent();
        assert.fail(`${screen.what}: no "${screen.heading}"; the page said: ${said}\n${error}`);
      }
      await seen.getByText(/was not found, or it is not shared with your account\./).waitFor();
      const main = seen.locator("#main");
      await main.getByRole("link", { name: "Your licences" }).waitFor();
      await main.getByRole("link", { name: "Your quotes" }).waitFor();
      if (screen.path.startsWith("/quotes/")) {
        await seen
          .getByText("A quote shows here once your reseller has issued it to you.")
          .waitFor();
        if (screen.what === "its own draft") {
          await assertAccessible(seen, "a quote not shared with the customer");
          await saveScreenshot(seen, database, "phone-customer-not-shared-390");
        }
      }
    }
    await seen.locator("#main").getByRole("link", { name: "Your licences" }).click();
    await seen.getByRole("heading", { name: "Pocket Bakery", level: 1 }).waitFor();
    // Five 404s asked for: each its response and the browser's console line about it.
    assert.equal(customer.expectProblems(/HTTP 404: GET |status of 404/), 10);
    customer.assertClean();
    await seen.context().close();
  });
}
