// The browser flows of issue 13, run against one store (web-sqlite.test.ts, web-postgres.test.ts).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { openStore } from "@calwise/storage";
import type { Page } from "playwright-core";
import { root } from "../cli/run-cli.ts";
import {
  addAccount,
  answerFromExplanation,
  assertAccessible,
  type FlowStore,
  password,
  saveScreenshot,
  setUpFlows,
  startEvidenceAudit,
  type WatchedPage,
} from "./web-harness.ts";

const owner = { org: "example-reseller", email: "owner@reseller.example" };
const outsider = { org: "other-reseller", email: "agent@other.example" };

/** Hypothetical counter prices (cents), not Microsoft's: Windows Server 2025 CALs, single and 5-packs. */
export const counterPrices = {
  name: "counter prices",
  currency: "EUR",
  items: [
    { sku: "WS25-STD-16", product: "ws2025-standard", packSize: 16, price: 100000 },
    { sku: "WS25-U1", family: "ws-cal", version: "2025", type: "user", packSize: 1, price: 4000 },
    { sku: "WS25-U5", family: "ws-cal", version: "2025", type: "user", packSize: 5, price: 18500 },
    { sku: "WS25-D1", family: "ws-cal", version: "2025", type: "device", packSize: 1, price: 4000 },
    {
      sku: "WS25-D5",
      family: "ws-cal",
      version: "2025",
      type: "device",
      packSize: 5,
      price: 18500,
    },
  ],
};

/** Stores the reseller's price list as POST /v1/price-lists does (the dated document), before the service runs. */
export async function storePriceList(location: string, slug = owner.org): Promise<void> {
  const store = await openStore({ location });
  try {
    const org = await store.organisations.findBySlug(slug);
    assert.ok(org);
    await store.priceLists.create(org.id, {
      name: counterPrices.name,
      currency: counterPrices.currency,
      validFrom: "2020-01-01",
      document: { ...counterPrices, validFrom: "2020-01-01" },
    });
  } finally {
    await store.close();
  }
}

/** Signs `who` in through the sign-in screen and waits for the screen it lands on (the point of sale for staff). */
export async function signIn(
  watched: WatchedPage,
  who: { org: string; email: string },
  landing = "Point of sale",
): Promise<void> {
  const { page } = watched;
  await page.goto("/");
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await page.getByLabel("Organisation").fill(who.org);
  await page.getByLabel("Email address").fill(who.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: landing, level: 1 }).waitFor();
}

async function answerText(page: Page): Promise<string> {
  return (await page.locator(".answer-sentence").textContent()) ?? "";
}

/** Waits until the point-of-sale sentence matches (the answer follows the typing). */
export async function waitForAnswer(page: Page, pattern: RegExp): Promise<string> {
  await page.locator(".answer-sentence", { hasText: pattern }).waitFor();
  return answerText(page);
}

/** A store for the flows: where it is (a data directory or a postgres:// URL) and how to remove it. */
export type TestStore = FlowStore;

/** The web app's flows against `calwise serve` on a store made by `makeStore` (`database` names screenshots). */
export function runWebFlows(database: string, makeStore: () => Promise<TestStore>): void {
  let customerPath = "";
  let evaluationPath = "";

  const { open } = setUpFlows(makeStore, async (location) => {
    addAccount(location, "Example Reseller", owner.email, "owner");
    addAccount(location, "Other Reseller", outsider.email, "sales");
    await storePriceList(location);
  });

  test("sign-in explains a wrong password in plain words, then signs in", async () => {
    const watched = await open();
    const { page } = watched;
    await page.goto("/customers");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: /Organisation: Enter your organisation/ }).waitFor();
    await assertAccessible(page, "sign-in with errors");
    await page.getByLabel("Organisation").fill(owner.org);
    await page.getByLabel("Email address").fill(owner.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("The organisation, email address or password is not right").waitFor();
    assert.equal(
      watched.expectProblems(/401|status of 401/),
      2,
      "one refused sign-in: its response and its console line",
    );
    await saveScreenshot(page, database, "sign-in");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Customers", level: 1 }).waitFor();
    watched.assertClean();
    await page.context().close();
  });

  test("point of sale: the answer follows the typing, warns over an edition's cap, and works by keyboard", async () => {
    const watched = await open();
    const { page } = watched;
    await signIn(watched, owner);
    // The first question: 12 staff sharing 5 PCs on Windows Server 2025 Standard.
    const first = await waitForAnswer(page, /each of your 5 devices/i);
    assert.match(first, /Windows Server 2025 device CAL/);
    assert.match(first, /1 × 5\u2011pack\./);
    await page.getByRole("table", { name: "Cheapest packs (counter prices)" }).waitFor();
    assert.match((await page.locator("tfoot .total").textContent()) ?? "", /185\.00/);
    await assertAccessible(page, "point of sale");
    await saveScreenshot(page, database, "point-of-sale");
    // By keyboard only: search the edition, Enter picks it, Tab to the counts and type.
    await page.getByLabel("Find the edition").focus();
    await page.keyboard.type("2025 Essentials");
    await page.keyboard.press("Enter");
    assert.equal(await page.getByLabel("Server being sold").inputValue(), "ws2025-essentials");
    await page.getByLabel("Staff", { exact: true }).focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("40");
    await page.getByLabel("Devices", { exact: true }).focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("80");
    await page.getByLabel("Shared devices").focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("0");
    await page.getByText("This edition cannot serve them.").waitFor();
    await waitForAnswer(
      page,
      /^Windows Server 2025 Essentials cannot serve 40 staff on 80 devices: sell/,
    );
    await assertAccessible(page, "point of sale with an edition warning");
    await saveScreenshot(page, database, "point-of-sale-warning");
    const switchTo = page.getByRole("button", { name: "Windows Server 2025 Standard" });
    await switchTo.focus();
    await page.keyboard.press("Enter");
    const after = await waitForAnswer(
      page,
      /^Each of your 40 staff needs a Windows Server 2025 user CAL/,
    );
    assert.match(after, /8 × 5\u2011pack\./);
    assert.equal(await page.getByText("This edition cannot serve them.").count(), 0);
    // A count the schema refuses is named next to its field, and no request is sent for it.
    await page.getByLabel("Shared devices").fill("90");
    await page.getByText("Correct the highlighted field to see the answer.").waitFor();
    watched.expectProblems(/HTTP 400|status of 400/);
    watched.assertClean();
    await page.context().close();
  });

  test("a customer, a deployment checked for them, and its compliance position", async () => {
    const watched = await open();
    const { page } = watched;
    await signIn(watched, owner);
    await page.getByRole("link", { name: "Customers" }).click();
    await page.getByText("No customers yet.").waitFor();
    await page.getByRole("button", { name: "Add customer" }).click();
    await page.getByRole("link", { name: /Customer name: Enter the customer's name/ }).waitFor();
    await page.getByLabel("Customer name").fill("Müller Łódź GmbH");
    await page.getByLabel("Your reference (optional)").fill("ML-7");
    await page.getByRole("button", { name: "Add customer" }).click();
    await page.getByRole("heading", { name: "Müller Łódź GmbH" }).waitFor();
    customerPath = new URL(page.url()).pathname;
    await assertAccessible(page, "customer");
    await saveScreenshot(page, database, "customer");
    await page.getByRole("button", { name: "Try a sample" }).click();
    await page.getByRole("button", { name: "Check compliance" }).click();
    await page.getByRole("heading", { name: "Compliance: Front office" }).waitFor();
    evaluationPath = new URL(page.url()).pathname;
    await page
      .getByText(
        /Not compliant: 1 Windows Server 2022 device CAL, 1 Windows Server 2022 user CAL short/,
      )
      .waitFor();
    await page.getByRole("img", { name: /Windows Server CAL 2022: 2 required, 0 owned/ }).waitFor();
    await assertAccessible(page, "compliance");
    await saveScreenshot(page, database, "compliance");
    // Evidence: a real Security log from the shared corpus, held against the customer's server of that name,
    // uploaded with progress, audited, and read down to an event.
    await page.goto(customerPath);
    await page.getByLabel("Editing").selectOption({ label: "a new deployment" });
    await page.getByLabel("Deployment name").fill("Head office");
    await page.getByLabel("Server 1 name").fill("WIN-77LTAPHIQ1R");
    await page.getByLabel("Server 1 edition").selectOption("ws2012r2-standard");
    await page.getByLabel("Server 1 processors").fill("2");
    await page.getByRole("button", { name: "Check compliance" }).click();
    await page.getByRole("heading", { name: "Compliance: Head office" }).waitFor();
    await page.goto(customerPath);
    await page.getByLabel("Audit against").selectOption({ label: "Head office (revision 1)" });
    await page
      .getByLabel("Choose files, or drop them here")
      .setInputFiles(join(root, "../shared/corpus/evtx/lm-wmi-4624-4688-targethost.evtx"));
    await startEvidenceAudit(page);
    await page
      .getByRole("link", { name: "Audit ready: open it" })
      .click({ timeout: 60_000 })
      .catch(async (error) => {
        await saveScreenshot(page, database, "evidence-failed");
        throw error;
      });
    await page.getByRole("heading", { name: "Audit of the evidence" }).waitFor();
    const firstUser = page
      .getByRole("table", { name: /^Users/ })
      .getByRole("button")
      .first();
    await firstUser.click();
    await page
      .getByText(/^Event: lm-wmi-4624-4688-targethost\.evtx, record \d+/)
      .first()
      .waitFor();
    await assertAccessible(page, "audit");
    await saveScreenshot(page, database, "audit");
    await page.goto("/customers");
    await page.getByRole("link", { name: "Müller Łódź GmbH" }).waitFor();
    await saveScreenshot(page, database, "customers");
    await assertAccessible(page, "customers");
    watched.assertClean();
    await page.context().close();
  });

  test("point of sale to a quote: add to quote, issue it, download the PDF and read it", async () => {
    const watched = await open();
    const { page } = watched;
    await signIn(watched, owner);
    await waitForAnswer(page, /each of your 5 devices/i);
    await page.getByLabel("Customer for the quote").selectOption({ label: "Müller Łódź GmbH" });
    await page.getByRole("button", { name: "Add to quote" }).click();
    await page.getByRole("heading", { name: "Draft quote for Müller Łódź GmbH" }).waitFor();
    await page.getByText("Windows Server CAL 2025, device, 5-pack").waitFor();
    await page.getByRole("button", { name: "Issue quote" }).click();
    await page.getByRole("heading", { name: "Quote 1 for Müller Łódź GmbH" }).waitFor();
    await assertAccessible(page, "quote");
    await saveScreenshot(page, database, "quote");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download PDF" }).click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), "calwise-web-pdf-"));
    try {
      const pdf = join(dir, "quote.pdf");
      await download.saveAs(pdf);
      const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      assert.equal(text.status, 0, text.stderr);
      assert.match(text.stdout, /Müller Łódź GmbH/);
      assert.match(text.stdout, /WS25-D5/);
      assert.match(text.stdout, /WS25-STD-16/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Quotes" })
      .click();
    await page.getByRole("link", { name: "No. 1" }).waitFor();
    await assertAccessible(page, "quotes");
    await saveScreenshot(page, database, "quotes");
    watched.assertClean();
    await page.context().close();
  });

  test("sales training: an exercise answered wrong, then right, each checked and explained by the engine", async () => {
    const watched = await open();
    const { page } = watched;
    await signIn(watched, owner);
    await page.getByRole("link", { name: "Training" }).click();
    await page.getByRole("button", { name: "Start an exercise" }).click();
    await page.getByText(/^A customer buys Windows Server \d{4} Standard for \d+ staff/).waitFor();
    await page.getByRole("button", { name: "Check my answer" }).click();
    const wrong = await page.getByRole("status").textContent();
    assert.match(wrong ?? "", /^Not quite\./);
    await answerFromExplanation(page, wrong ?? "");
    await assertAccessible(page, "training");
    await page.getByRole("button", { name: "Check my answer" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /^Right\./ })
      .waitFor();
    assert.match((await page.getByRole("status").textContent()) ?? "", /rules .* sources R\d+/);
    await saveScreenshot(page, database, "training");
    watched.assertClean();
    await page.context().close();
  });

  test("the catalog lists every product, rule and source", async () => {
    const watched = await open();
    const { page } = watched;
    await signIn(watched, owner);
    await page.getByRole("link", { name: "Catalog" }).click();
    await page.getByRole("heading", { name: "Products" }).waitFor();
    await page.getByRole("rowheader", { name: /Windows Server 2025 Essentials/ }).waitFor();
    await assertAccessible(page, "catalog");
    await saveScreenshot(page, database, "catalog");
    watched.assertClean();
    await page.context().close();
  });

  test("another organisation's user sees none of it", async () => {
    assert.notEqual(customerPath, "");
    const watched = await open();
    const { page } = watched;
    await signIn(watched, outsider);
    await page.getByRole("link", { name: "Customers" }).click();
    await page.getByText("No customers yet.").waitFor();
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Quotes" })
      .click();
    await page.getByText("No quotes yet.").waitFor();
    await page.goto(customerPath);
    await page.getByRole("heading", { name: "Customer not found" }).waitFor();
    await page.goto(evaluationPath);
    await page.getByRole("heading", { name: "Check not found" }).waitFor();
    assert.equal(
      watched.expectProblems(/HTTP 404|status of 404/),
      4,
      "two 404s, each with its console line",
    );
    // Its point of sale answers, unpriced: the other organisation's price list is not theirs.
    await page.getByRole("link", { name: "Point of sale" }).click();
    await waitForAnswer(page, /each of your 5 devices/i);
    await page.getByText("No price list yet").waitFor();
    watched.assertClean();
    await page.context().close();
  });
}
