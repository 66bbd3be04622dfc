// What the last walk left (web-after), in the browser on SQLite and PostgreSQL: a customer's account (or a sales
// agent) that opens a screen its role may not is told what the page is and where its own work is (from the API's
// 403 code, on every screen); accepting an invitation signs the new account in and lands it on its home screen;
// the Users screen names the customer each customer account reads.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { callApi, setUpCounterFlows } from "./gaps-flows.ts";
import { signIn } from "./web-flows.ts";
import {
  assertAccessible,
  type FlowStore,
  password,
  saveScreenshot,
  type WatchedPage,
} from "./web-harness.ts";

const owner = { org: "after-resellers", email: "owner@after-resellers.example" };
const sales = { org: "after-resellers", email: "sales@after-resellers.example" };

/** Adds a customer named `name` and a customer account for it (with a password, or invited when none). */
async function addCustomerAccount(page: Page, name: string, email: string, withPassword = true) {
  const customer = await callApi(page, "POST", "/v1/customers", { name });
  const user = await callApi(page, "POST", "/v1/users", {
    email,
    role: "customer",
    customerId: customer.id,
    ...(withPassword ? { password } : {}),
  });
  return { customerId: String(customer.id), userId: String(user.id) };
}

/**
 * Opens `path` and waits for the page to say what it is, for the role (a failing wait shows what the page said
 * instead); nothing of the refused screen stays in sight or in the accessibility tree (its forms, its errors).
 */
async function openRefused(watched: WatchedPage, path: string, heading: string): Promise<void> {
  const { page } = watched;
  await page.goto(path);
  try {
    await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
  } catch (error) {
    const said = await page.locator("#main").innerText();
    assert.fail(`${path}: no heading "${heading}"; the page said: ${said}\n${String(error)}`);
  }
  assert.equal(await page.getByRole("heading", { level: 1 }).count(), 1, `${path}: one heading`);
  assert.equal(await page.getByRole("alert").count(), 0, `${path}: no "could not be loaded"`);
  assert.equal(await page.getByRole("button").filter({ hasNotText: "Sign out" }).count(), 0);
}

/** The web-after flows on `database`, on a store made by `makeStore`. */
export function runWebAfterFlows(database: string, makeStore: () => Promise<FlowStore>): void {
  const { open, signInWithPrices } = setUpCounterFlows(makeStore, "After resellers", {
    owner,
    sales,
  });

  test("a customer's account on a staff screen is told the page is for its reseller's staff, with a link to its licences", async () => {
    const watched = await signInWithPrices(owner);
    const account = "buyer@refused-bakery.example";
    await addCustomerAccount(watched.page, "Refused Bakery", account);
    watched.assertClean();
    await watched.page.context().close();

    const customer = await open();
    const { page } = customer;
    await signIn(customer, { org: owner.org, email: account }, "Refused Bakery");
    for (const path of ["/price-lists", "/customers", "/users", "/dashboard"]) {
      await openRefused(customer, path, "This page is for your reseller's staff");
      if (path === "/price-lists") {
        await assertAccessible(page, "staff page, refused to a customer");
        await saveScreenshot(page, database, "customer-refused-1280");
        await page.setViewportSize({ width: 390, height: 844 });
        await saveScreenshot(page, database, "customer-refused-390");
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    }
    // The link goes to its own licences.
    await page.getByRole("link", { name: "Go to your licences" }).click();
    await page.getByRole("heading", { name: "Refused Bakery", level: 1 }).waitFor();
    // The 403s the test asked for, as responses and as the browser's console lines about them.
    assert.ok(customer.expectProblems(/HTTP 403: GET |status of 403/) >= 4);
    customer.assertClean();
    await page.context().close();
  });

  test("a sales agent on the Users screen is told it is for owners, with a link to the point of sale", async () => {
    const watched = await signInWithPrices(sales);
    const { page } = watched;
    await openRefused(watched, "/users", "This page is for owners of your organisation");
    await saveScreenshot(page, database, "sales-refused-users");
    // Any screen, not only Users: the training handout is the owners' too.
    await openRefused(watched, "/training/handout", "This page is for owners of your organisation");
    await page.getByRole("link", { name: "Go to the point of sale" }).click();
    await page.getByRole("heading", { name: "Point of sale", level: 1 }).waitFor();
    assert.ok(watched.expectProblems(/HTTP 403: GET |status of 403/) >= 2);
    watched.assertClean();
    await page.context().close();
  });

  test("accepting an invitation signs the customer's account in and lands it on its licences", async () => {
    const watched = await signInWithPrices(owner);
    const email = "buyer@invited-bakery.example";
    const { userId } = await addCustomerAccount(watched.page, "Invited Bakery", email, false);
    const { token } = await callApi(watched.page, "POST", `/v1/users/${userId}/invitation`);
    const link = `/accept-invitation#${new URLSearchParams({
      token: String(token),
      org: owner.org,
      email,
    })}`;

    const invited = await open();
    await invited.page.goto(link);
    await invited.page.getByRole("heading", { name: "Accept your invitation" }).waitFor();
    await invited.page.getByLabel("New password").fill(password);
    await invited.page.getByRole("button", { name: "Set my password" }).click();
    // Signed in at once, on its own licences (no second sign-in).
    await invited.page.getByRole("heading", { name: "Invited Bakery", level: 1 }).waitFor();
    await invited.page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Your licences" })
      .waitFor();
    // A customer's account cannot write a deployment: its empty position says who does, not "type one in below".
    await invited.page
      .getByText("No deployment recorded yet: your reseller records it and checks it.")
      .waitFor();
    await saveScreenshot(invited.page, database, "invitation-accepted-customer");
    invited.assertClean();
    await invited.page.context().close();

    watched.assertClean();
    await watched.page.context().close();
  });

  test("the Users screen names the customer each customer account reads, with a link to it", async () => {
    const watched = await signInWithPrices(owner);
    const email = "buyer@named-bakery.example";
    await addCustomerAccount(watched.page, "Named Bakery", email);
    const { page } = watched;
    await page.goto("/users");
    const row = page.getByRole("row").filter({ hasText: email });
    await row.waitFor();
    await row.getByRole("link", { name: "Named Bakery" }).waitFor();
    assert.match((await row.innerText()).replace(/\s+/g, " "), /Customer of Named Bakery/);
    await assertAccessible(page, "users");
    await saveScreenshot(page, database, "users-customer-named-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, database, "users-customer-named-390");
    watched.assertClean();
    await page.context().close();
  });
}
