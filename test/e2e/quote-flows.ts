// The browser flows of quotes and users (issue 13), run against one store from web-sqlite.test.ts and
// web-postgres.test.ts: point of sale → quote with its edition advice and cost over growth → a CAL line removed
// only with a reason → issue → PDF → accepted → history; users invited, accepted in a second browser, re-roled
// and removed, the last owner kept. Every screen is checked by axe-core and photographed, also at tablet width.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { openStore } from "@calwise/storage";
import type { Page } from "playwright-core";
import { signIn, storePriceList, waitForAnswer } from "./web-flows.ts";
import {
  addAccount,
  assertAccessible,
  type FlowStore,
  password,
  saveScreenshot,
  setUpFlows,
} from "./web-harness.ts";

const owner = { org: "quote-reseller", email: "owner@quotes.example" };
const agent = { org: owner.org, email: "new.agent@quotes.example" };
const customerName = "Żabka Café Ltd";

/** A portrait tablet: the width a reseller's shop-floor tablet shows. */
const tablet = { width: 768, height: 1024 };

/** Screenshots at desktop width, then at tablet width (`<screen>-tablet`), axe-checked at both. */
async function photograph(page: Page, database: string, screen: string): Promise<void> {
  await assertAccessible(page, screen);
  await saveScreenshot(page, database, screen);
  const desktop = page.viewportSize();
  await page.setViewportSize(tablet);
  await assertAccessible(page, `${screen} (tablet)`);
  await saveScreenshot(page, database, `${screen}-tablet`);
  if (desktop !== null) await page.setViewportSize(desktop);
}

/** The quote and user flows on `database` ("sqlite" or "postgresql"), on a store made by `makeStore`. */
export function runQuoteFlows(database: string, makeStore: () => Promise<FlowStore>): void {
  const { open } = setUpFlows(makeStore, async (location) => {
    addAccount(location, "Quote Reseller", owner.email, "owner");
    await storePriceList(location, owner.org);
    const opened = await openStore({ location });
    try {
      const org = await opened.organisations.findBySlug(owner.org);
      assert.ok(org);
      await opened.customers.create(org.id, { name: customerName });
    } finally {
      await opened.close();
    }
  });

  test("a quote: advice and cost over growth beside it, a CAL line removed only with a reason, issued, PDF, accepted, history", async () => {
    const watched = await open();
    const { page } = watched;
    await signIn(watched, owner);
    await photograph(page, database, "point-of-sale-for-quote");
    await waitForAnswer(page, /each of your 5 devices/i);
    await page.getByLabel("Customer for the quote").selectOption({ label: customerName });
    await page.getByRole("button", { name: "Add to quote" }).click();
    await page.getByRole("heading", { name: `Draft quote for ${customerName}` }).waitFor();
    // The advice beside the quote, and its cost chart: every figure from the API.
    await page
      .getByRole("table", { name: "Editions that can serve them, cheapest first" })
      .waitFor();
    await page
      .getByRole("row", { name: /Windows Server 2025 Standard \(quoted\)/ })
      .first()
      .waitFor();
    await page
      .getByRole("img", { name: /^The cost of each edition as staff and devices grow/ })
      .waitFor();
    const growth = page.getByRole("table", { name: /^Cost as staff and devices grow/ });
    await growth.getByRole("rowheader", { name: "12 / 5 (today)" }).waitFor();
    await growth.getByRole("rowheader", { name: "36 / 15" }).waitFor();
    await photograph(page, database, "quote-draft");

    // A CAL line removed without a reason: the API refuses (CALS_NOT_QUOTED) and the screen says why.
    await page
      .getByRole("button", { name: "Remove Windows Server CAL 2025, device, 5-pack" })
      .click();
    await page
      .getByRole("heading", { name: /^Remove “Windows Server CAL 2025, device, 5-pack”\?/ })
      .waitFor();
    await page.getByRole("button", { name: "Remove the CALs" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: /cannot be quoted without them\. Say why they are left out/ })
      .waitFor();
    assert.equal(
      watched.expectProblems(/HTTP 400|status of 400/),
      2,
      "one refused removal: its response and its console line",
    );
    await photograph(page, database, "quote-remove-cal");
    // With the reason recorded, it goes, and the owned CALs are shown as a line of their own.
    await page.getByLabel("The customer already owns them").check();
    assert.equal(await page.getByLabel("2025 device CALs they own").inputValue(), "5");
    await page.getByLabel("Note for the quote (optional)").fill("invoice 2024-117");
    await page.getByRole("button", { name: "Remove the CALs" }).click();
    await page
      .getByText(/already owned by the customer/)
      .first()
      .waitFor();
    await page
      .getByText(
        /^The customer already owns 5 Windows Server CALs 2025 \(device\): invoice 2024-117/,
      )
      .waitFor();
    assert.equal(
      await page.getByRole("button", { name: /^Remove Windows Server CAL/ }).count(),
      0,
      "no CAL line left to remove",
    );

    await page.getByRole("button", { name: "Issue quote" }).click();
    await page.getByRole("heading", { name: `Quote 1 for ${customerName}` }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download PDF" }).click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), "calwise-web-quote-pdf-"));
    try {
      const pdf = join(dir, "quote.pdf");
      await download.saveAs(pdf);
      const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      assert.equal(text.status, 0, text.stderr);
      assert.match(text.stdout, /Żabka Café Ltd/);
      // From the organisation (the web app names no seller), for the customer's new server.
      assert.match(text.stdout, /^\s*Quote Reseller\b/m);
      assert.match(text.stdout, /New server for Żabka Café Ltd/);
      assert.doesNotMatch(text.stdout, /point of sale/);
      assert.match(text.stdout, /WS25-STD-16/);
      assert.match(text.stdout, /already owns 5/);
      assert.doesNotMatch(text.stdout, /WS25-D5/, "the removed CAL line is not in the PDF");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await page.getByRole("button", { name: "Customer accepted" }).click();
    await page.locator(".lead .badge", { hasText: "Accepted" }).waitFor();
    await photograph(page, database, "quote-accepted");

    // A second quote for the customer: its history names the first, accepted.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Point of sale" })
      .click();
    await waitForAnswer(page, /each of your 5 devices/i);
    await page.getByLabel("Customer for the quote").selectOption({ label: customerName });
    await page.getByRole("button", { name: "Add to quote" }).click();
    await page.getByRole("heading", { name: `Draft quote for ${customerName}` }).waitFor();
    const history = page.getByRole("region", { name: "This customer's quotes" });
    await history.getByRole("link", { name: "No. 1" }).waitFor();
    await history.getByRole("row", { name: /No\. 1 Accepted/ }).waitFor();

    // The quotes list, filtered by status and customer, with an empty state that says what to do.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Quotes" })
      .click();
    await page.getByRole("link", { name: "No. 1" }).waitFor();
    await page.getByLabel("Status").selectOption("accepted");
    await page.getByRole("link", { name: "Draft" }).waitFor({ state: "detached" });
    await page.getByLabel("Customer").selectOption({ label: customerName });
    await page.getByRole("link", { name: "No. 1" }).waitFor();
    await photograph(page, database, "quotes-filtered");
    await page.getByLabel("Status").selectOption("withdrawn");
    await page.getByText(`No withdrawn quotes for ${customerName}.`).waitFor();
    await assertAccessible(page, "quotes (empty filter)");
    watched.assertClean();
    await page.context().close();
  });

  test("a point-of-sale quote of staff who all have a PC and share kiosks: its advice panel counts the kiosks as shared", async () => {
    const watched = await open();
    const { page } = watched;
    await signIn(watched, owner);
    await page.getByLabel("Staff", { exact: true }).fill("5");
    await page.getByLabel("Devices", { exact: true }).fill("9");
    await page.getByLabel("Shared devices", { exact: true }).fill("4");
    // Every member of staff may use each kiosk: the answer says so (it gave the kiosks to the last one).
    await waitForAnswer(
      page,
      /^Every staff member may use each shared device, so each of your 5 staff needs a Windows Server 2025 user CAL/,
    );
    await page.getByLabel("Customer for the quote").selectOption({ label: customerName });
    await page.getByRole("button", { name: "Add to quote" }).click();
    await page.getByRole("heading", { name: `Draft quote for ${customerName}` }).waitFor();
    await page
      .getByRole("table", { name: "Editions that can serve them, cheapest first" })
      .waitFor();
    assert.equal(await page.getByLabel("Shared devices", { exact: true }).inputValue(), "4");
    assert.equal(await page.getByLabel("Staff", { exact: true }).inputValue(), "5");
    assert.equal(await page.getByLabel("Devices", { exact: true }).inputValue(), "9");
    watched.assertClean();
    await page.context().close();
  });

  test("users: invite, accept in a second browser (signed in at once), change the role, remove; the last owner stays", async () => {
    const watched = await open();
    const { page } = watched;
    await signIn(watched, owner);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Users" })
      .click();
    await page.getByRole("heading", { name: "Users", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Add and invite" }).click();
    await page.getByRole("link", { name: /Email address: Enter an email address/ }).waitFor();
    await page.getByLabel("Email address").fill(agent.email);
    await page.getByLabel("Name (optional)").fill("New Agent");
    await page.getByLabel("Role", { exact: true }).selectOption("sales");
    await page.getByRole("button", { name: "Add and invite" }).click();
    const link = await page.getByLabel("Invitation link").inputValue();
    assert.match(link, /\/accept-invitation#token=/);
    await photograph(page, database, "users");

    // The invitation, opened in another browser context (no session, its own cookies).
    const invited = await open();
    await invited.page.goto(link);
    await invited.page.getByRole("heading", { name: "Accept your invitation" }).waitFor();
    assert.equal(await invited.page.getByLabel("Email address").inputValue(), agent.email);
    await photograph(invited.page, database, "accept-invitation");
    await invited.page.getByLabel("New password").fill(password);
    await invited.page.getByRole("button", { name: "Set my password" }).click();
    // Accepting signs the agent in (web-after): it lands on its home screen, no second sign-in.
    await invited.page.getByRole("heading", { name: "Point of sale" }).waitFor();
    assert.equal(
      await invited.page.getByRole("link", { name: "Users" }).count(),
      0,
      "a sales agent is not offered the users screen",
    );
    invited.assertClean();
    await invited.page.context().close();

    // The owner changes the agent's role, then removes them.
    await page.reload();
    const role = page.getByLabel(`Role of ${agent.email}`);
    // The select sends the change when it is chosen: reload only after the server has answered it (a
    // reload while the PUT is in flight cancels it, which a loaded CI machine showed as 'sales').
    const changed = page.waitForResponse(
      (r) => r.url().endsWith("/role") && r.request().method() === "PUT",
    );
    await role.selectOption("auditor");
    assert.equal((await changed).status(), 200);
    await page.reload();
    assert.equal(await page.getByLabel(`Role of ${agent.email}`).inputValue(), "auditor");
    await page.getByRole("button", { name: `Remove ${agent.email}` }).click();
    await page.getByRole("button", { name: `Yes, remove ${agent.email}` }).click();
    await page.getByText(`Removed (kept in the audit log): ${agent.email}.`).waitFor();
    // The last owner cannot be removed: the API's 409, in words.
    await page.getByRole("button", { name: `Remove ${owner.email}` }).click();
    await page.getByRole("button", { name: `Yes, remove ${owner.email}` }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "The organisation needs an owner: make another user owner first." })
      .waitFor();
    assert.equal(watched.expectProblems(/HTTP 409|status of 409/), 2);
    await assertAccessible(page, "users with the last owner refused");
    watched.assertClean();
    await page.context().close();
  });
}
