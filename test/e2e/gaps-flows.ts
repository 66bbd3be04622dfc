// The gaps a newcomer's walk left (web-gaps), in the browser on SQLite and PostgreSQL: a customer's past audits
// listed on their screen; a shortfall in a sales agent's words; the chosen edition's card whole at 1280 px; why
// a check is stale for every role that sees it; the licensing rules' date, not "catalog 2026.11.1"; no control
// acting before its data has loaded (requests slowed on the wire); a refused upload that says what to do here.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { counterPricesCsv, smallOffice } from "../service/polish-cases.ts";
import { defineMultiAuditFlow } from "./multi-audit-flows.ts";
import { file } from "./polish-flows.ts";
import { signIn } from "./web-flows.ts";
import {
  addAccount,
  assertAccessible,
  auditCorpusEvidence,
  type FlowStore,
  password,
  saveScreenshot,
  setUpFlows,
  type WatchedPage,
} from "./web-harness.ts";

const owner = { org: "gap-resellers", email: "owner@gap-resellers.example" };
const sales = { org: "gap-resellers", email: "sales@gap-resellers.example" };

/** A request to the app's own API from the signed-in page (its cookies, its CSRF token); the JSON answer. */
export async function callApi(
  page: Page,
  method: "GET" | "POST",
  path: string,
  body?: string | object,
  contentType = "application/json",
): Promise<Record<string, unknown>> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === "calwise_csrf")?.value ?? "";
  const r = await page.request.fetch(path, {
    method,
    headers: { "x-csrf-token": csrf, "content-type": contentType },
    ...(body === undefined ? {} : { data: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  assert.ok(r.ok(), `${method} ${path}: HTTP ${r.status()} ${await r.text()}`);
  return (await r.json()) as Record<string, unknown>;
}

/** A customer named `name` with the small office stored and checked; the customer's and the check's ids. */
async function addCheckedCustomer(page: Page, name: string) {
  const customer = await callApi(page, "POST", "/v1/customers", { name });
  const check = await callApi(page, "POST", "/v1/evaluations", {
    deployment: smallOffice,
    customerId: customer.id,
  });
  return { customerId: String(customer.id), evaluationId: String(check.id) };
}

/**
 * Signs in as `who`; the first caller also stores the counter prices and reloads the point of sale (it asked
 * before the list was there). One per flow file: the prices are stored once per store.
 */
export function signInWithCounterPrices(open: () => Promise<WatchedPage>) {
  let pricesAdded = false;
  return async (who: { org: string; email: string }) => {
    const watched = await open();
    await signIn(watched, who);
    if (!pricesAdded) {
      await callApi(
        watched.page,
        "POST",
        "/v1/price-lists?source=counter-prices.csv",
        counterPricesCsv,
        "text/csv",
      );
      pricesAdded = true;
      // The point of sale asked before the list was there: asked again with it.
      await watched.page.reload();
    }
    return watched;
  };
}

/** Flows of one organisation's owner and sales agent, who sign in with the counter's price list in force. */
export function setUpCounterFlows(
  makeStore: () => Promise<FlowStore>,
  organisation: string,
  staff: { readonly owner: { email: string }; readonly sales: { email: string } },
) {
  const { open } = setUpFlows(makeStore, (location) => {
    addAccount(location, organisation, staff.owner.email, "owner");
    addAccount(location, organisation, staff.sales.email, "sales");
  });
  return { open, signInWithPrices: signInWithCounterPrices(open) };
}

/** The web-gaps flows on `database`, on a store made by `makeStore`. */
export function runGapsFlows(database: string, makeStore: () => Promise<FlowStore>): void {
  const { open, signInWithPrices } = setUpCounterFlows(makeStore, "Gap resellers", {
    owner,
    sales,
  });
  // One audit over several files (web-multi-audit), on this file's server and browser.
  defineMultiAuditFlow(database, () => signInWithPrices(owner));

  test("a customer's past audits are listed on their screen, newest first, with files, revision and position", async () => {
    const watched = await signInWithPrices(owner);
    const { page } = watched;
    const { customerId } = await addCheckedCustomer(page, "Audited Bakery");
    await page.goto(`/customers/${customerId}`);
    const audits = page.getByRole("table", { name: "Audits of this customer, newest first" });
    await audits.getByRole("cell", { name: /^No audit yet/ }).waitFor();
    await auditCorpusEvidence(page);
    // Listed as soon as it is ready, and found again without the job's link: a week later, on a fresh page.
    const row = audits.getByRole("row", { name: /lm-wmi-4624-4688-targethost\.evtx/ });
    await row.waitFor();
    await page.reload();
    await row.waitFor();
    assert.match((await row.textContent()) ?? "", /Small office, revision 1/);
    // Its computer is not a server of the deployment: nothing counted, so nothing short.
    assert.match((await row.textContent()) ?? "", /compliant$/);
    await assertAccessible(page, "customer with an audit listed");
    await saveScreenshot(page, database, "gaps-customer-audits");
    await row.getByRole("link", { name: /^Audit of / }).click();
    await page.getByRole("heading", { name: "Audit of the evidence" }).waitFor();
    watched.assertClean();
    await page.context().close();
  });

  test("a refused upload says what to do in the browser, not a command line option", async () => {
    const watched = await signInWithPrices(owner);
    const { page } = watched;
    const { customerId } = await addCheckedCustomer(page, "Refused Bakery");
    await page.goto(`/customers/${customerId}`);
    await page
      .getByLabel("Choose files, or drop them here")
      .setInputFiles(file("notes.txt", "Meeting notes: order CALs for the new server.\n"));
    const refused = page
      .locator(".uploads li")
      .filter({ hasText: "notes.txt" })
      .locator(".error-text");
    await refused.waitFor();
    const text = (await refused.textContent()) ?? "";
    assert.match(text, /^Not a known evidence format: expected EVTX/);
    assert.doesNotMatch(text, /--field-map|--format/);
    assert.match(
      text,
      /Export the events again in one of those formats .* choose that file here\./,
    );
    assert.equal(watched.expectProblems(/HTTP 400: POST .*\/evidence|status of 400/), 2);
    await saveScreenshot(page, database, "gaps-refused-upload");
    watched.assertClean();
    await page.context().close();
  });

  test("a sales agent meets the licensing rules' date, not 'catalog 2026.11.1'; the exact version stays in a tooltip", async () => {
    const watched = await signInWithPrices(sales);
    const { page } = watched;
    const { catalogVersion } = await callApi(page, "GET", "/v1/catalog");
    const version = String(catalogVersion);
    const [year, month] = version.split(".");
    const words = `licensing rules of ${year}-${String(month).padStart(2, "0")}`;
    const { customerId, evaluationId } = await addCheckedCustomer(page, "Rules Bakery");
    const jargon = new RegExp(`catalog ${version.replaceAll(".", "\\.")}`, "i");
    const assertWords = async (screen: string) => {
      const rules = page.getByText(words, { exact: true }).first();
      await rules.waitFor();
      assert.equal(await rules.getAttribute("title"), `catalog version ${version}`, screen);
      assert.doesNotMatch((await page.locator("main").textContent()) ?? "", jargon, screen);
    };
    await page.goto(`/evaluations/${evaluationId}`);
    await page.getByRole("heading", { name: "Compliance: Small office" }).waitFor();
    await assertWords("check");
    // A shortfall in a sales agent's words, once: not "owned CALs cover 0, 7 short buy 7 …".
    const finding = page.locator(".finding").first();
    assert.equal(
      ((await finding.locator("p").first().textContent()) ?? "").trim(),
      "Must fix: You own none of the 7 Windows Server user CALs (version 2025 or later) this deployment needs: buy 7.",
    );
    await page.goto(`/customers/${customerId}`);
    await page.getByText(`Checked against the ${words}.`).waitFor();
    await assertWords("customer");
    await page.getByRole("button", { name: "Quote this deployment" }).click();
    await page.getByRole("heading", { name: "Draft quote for Rules Bakery" }).waitFor();
    await assertWords("quote");
    await saveScreenshot(page, database, "gaps-quote-rules");
    watched.assertClean();
    await page.context().close();
  });

  test("the point of sale at 1280 px: the chosen edition's answer card fits the page whole", async () => {
    const watched = await signInWithPrices(sales);
    const { page } = watched;
    await page.setViewportSize({ width: 1280, height: 900 });
    const packs = page.getByRole("table", { name: "Cheapest packs (Counter prices)" });
    await packs.waitFor();
    /** How far each card of the point of sale reaches past the page's right edge or its own box (px). */
    const overflow = () =>
      page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll<HTMLElement>(".pos-grid > .card")].map((card) => {
          const box = card.getBoundingClientRect();
          return {
            card: card.getAttribute("aria-label") ?? card.className,
            pastPage: Math.max(0, Math.round(box.right - width)),
            pastCard: Math.max(0, card.scrollWidth - card.clientWidth),
          };
        });
      });
    const assertFits = async (state: string) => {
      for (const card of await overflow())
        assert.deepEqual([card.pastPage, card.pastCard], [0, 0], `${state}: ${card.card}`);
    };
    /** The edition list: the chosen option whole in view, and no option cut by the list's top edge. */
    const chosenInView = () =>
      page.evaluate(() => {
        // No named helpers in here: the page gets this function's text as it is.
        const list = document.getElementById("product") as HTMLSelectElement;
        // An option's place in the list's scrolled box (padding included), as scrollTop counts it.
        const origin = list.offsetTop + list.clientTop;
        const from = list.scrollTop;
        const to = list.scrollTop + list.clientHeight;
        const spans = [...list.options].map((o) => ({
          text: o.textContent,
          chosen: o.selected,
          top: o.offsetTop - origin,
          bottom: o.offsetTop - origin + o.offsetHeight,
        }));
        const chosen = spans.find((o) => o.chosen);
        return {
          chosen: chosen?.text,
          chosenWhole: chosen !== undefined && chosen.top >= from && chosen.bottom <= to,
          cutAtTop: spans.filter((o) => o.top < from && o.bottom > from).map((o) => o.text),
        };
      });
    // As the newcomer's walk photographs it: a tablet's width first, then back at 1280 px.
    await page.setViewportSize({ width: 768, height: 900 });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForFunction(() => document.getElementById("product")?.scrollTop !== undefined);
    // The list brings its chosen option into view after the resize, in an effect that a loaded machine runs
    // late: polled for up to 5 s, then held to the same expectation.
    let inView = await chosenInView();
    for (
      let tries = 0;
      tries < 50 && !(inView.chosenWhole && inView.cutAtTop.length === 0);
      tries++
    ) {
      await page.waitForTimeout(100);
      inView = await chosenInView();
    }
    await saveScreenshot(page, database, "gaps-point-of-sale-1280");
    assert.deepEqual(inView, {
      chosen: "Windows Server 2025 Standard",
      chosenWhole: true,
      cutAtTop: [],
    });
    await assertFits("the first answer");
    // An edition that cannot serve the load: the warning lists the long names of those that can.
    await page.getByLabel("Find the edition").fill("2025 Essentials");
    await page.keyboard.press("Enter");
    await page.getByLabel("Staff", { exact: true }).fill("40");
    await page.getByText("This edition cannot serve them.").waitFor();
    await assertFits("an edition that cannot serve them");
    await saveScreenshot(page, database, "gaps-point-of-sale-1280-warning");
    // A misspelt edition is still found, and its CALs priced as the list's later ones are said to be.
    await page.getByLabel("Find the edition").fill("2022 standrad");
    await page.keyboard.press("Enter");
    await page.getByLabel("Staff", { exact: true }).fill("12");
    await page
      .getByText(/Windows Server CAL 2022 (user|device) CALs are priced as 2025 ones, the cheapest/)
      .waitFor();
    await page.getByLabel("Find the edition").fill("qwerty");
    await page
      .getByText(
        "No edition matches “qwerty”: the answer is still for Windows Server 2022 Standard.",
      )
      .waitFor();
    watched.assertClean();
    await page.context().close();
  });

  test("nothing on the customer's deployment form acts before the deployments are loaded (slowed on the wire)", async () => {
    const watched = await signInWithPrices(sales);
    const { page } = watched;
    const { customerId } = await addCheckedCustomer(page, "Slow Bakery");
    // Two more people since the first check: the file a sales agent imports into the stored deployment.
    const grown = { ...smallOffice, users: ["u{1..9}"], devices: ["pc{1..9}"] };
    grown.accesses = [{ user: "u{1..9}", device: "pc{1..9}", server: "FS1" }];
    // The list of deployments, then the stored revision the form opens: each 2 s on the wire.
    const slow = ["**/v1/customers/*/deployments", "**/v1/deployments/*/revisions/*"];
    for (const url of slow)
      await page.route(url, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        await route.continue();
      });
    await page.goto(`/customers/${customerId}`);
    const form = page.getByRole("form", { name: "Check a deployment" });
    // A file chosen now waits for the form: it lands in the stored deployment, not in a blank "new" one that
    // the stored revision then overwrote (or that was saved as a second deployment).
    await form
      .getByLabel("Import a file")
      .setInputFiles(file("grown-office.yaml", JSON.stringify(grown)));
    await page.getByText("Read grown-office.yaml: check the tables, then save.").waitFor();
    // What the agent checks before saving: the tables show the file, not the stored revision that came later.
    const firstUser = form.getByLabel("User 1 id", { exact: true });
    await firstUser.waitFor();
    assert.equal(await firstUser.inputValue(), "u{1..9}");
    assert.equal(await form.getByLabel("Editing").inputValue(), String(await firstDeploymentId()));
    await form.getByRole("button", { name: "Check compliance" }).click();
    await page.getByRole("heading", { name: "Compliance: Small office" }).waitFor();
    await page.getByText(/this deployment needs: buy 9\.$/).waitFor();
    for (const url of slow) await page.unroute(url);
    const { deployments } = (await callApi(
      page,
      "GET",
      `/v1/customers/${customerId}/deployments`,
    )) as {
      deployments: { latestRevision: number }[];
    };
    assert.deepEqual(
      deployments.map((d) => d.latestRevision),
      [2],
      "one deployment, its next revision",
    );
    watched.assertClean();
    await page.context().close();

    async function firstDeploymentId() {
      const listed = (await callApi(page, "GET", `/v1/customers/${customerId}/deployments`)) as {
        deployments: { id: string }[];
      };
      return listed.deployments[0]?.id;
    }
  });

  // Last: the list it adds is in force from then on, for every later flow of this file.
  test("a customer's account lands on its own screen, sees why a check is stale as an owner does, and no control it may not use", async () => {
    const watched = await signInWithPrices(owner);
    const { page } = watched;
    const { customerId, evaluationId } = await addCheckedCustomer(page, "Customer Bakery");
    // A later start than the counter prices (2020): in force from now on, whatever today is.
    await callApi(
      page,
      "POST",
      "/v1/price-lists?source=spring.csv",
      [
        "sku,family,product,version,type,packSize,price,currency,validFrom,list",
        "WS25-D1,ws-cal,,2025,device,1,4500,EUR,2021-01-01,Spring prices",
        "WS25-U1,ws-cal,,2025,user,1,4500,EUR,2021-01-01,Spring prices",
      ].join("\n"),
      "text/csv",
    );
    const account = { email: "buyer@customer-bakery.example", password };
    await callApi(page, "POST", "/v1/users", { ...account, role: "customer", customerId });
    const positionReason = "stale: priced at Counter prices; Spring prices is in force now";
    const checkReason =
      /^Priced with Counter prices, which is no longer the price list in force: Spring prices is\./;
    await page.goto(`/customers/${customerId}`);
    await page.getByText(positionReason).waitFor();
    await page.goto(`/evaluations/${evaluationId}`);
    await page.getByText(checkReason).waitFor();
    watched.assertClean();
    await page.context().close();

    const customer = await open();
    const seen = customer.page;
    await seen.goto("/");
    await seen.getByLabel("Organisation").fill(owner.org);
    await seen.getByLabel("Email address").fill(account.email);
    await seen.getByLabel("Password").fill(password);
    await seen.getByRole("button", { name: "Sign in" }).click();
    // A customer's account lands on its own screen, offered only what it may open: no point of sale, no
    // deployment editor, no evidence upload (each asked the API what only staff may ask: 403s).
    await seen.getByRole("heading", { name: "Customer Bakery", level: 1 }).waitFor();
    assert.equal(new URL(seen.url()).pathname, `/customers/${customerId}`);
    const nav = seen.getByRole("navigation", { name: "Main" });
    assert.deepEqual(await nav.getByRole("link").allTextContents(), [
      "Your licences",
      "Your quotes",
      "Catalog",
    ]);
    assert.equal(await seen.getByRole("heading", { name: "Check a deployment" }).count(), 0);
    await seen.getByRole("heading", { name: "Deployments", exact: true }).waitFor();
    await seen.getByText("No audit yet.", { exact: true }).waitFor();
    assert.equal(await seen.getByLabel("Choose files, or drop them here").count(), 0);
    assert.equal(await seen.getByLabel("Import entitlements (CSV)").count(), 0);
    await seen.getByText(positionReason).waitFor();
    assert.equal(await seen.getByRole("button", { name: /^Check again/ }).count(), 0);
    await assertAccessible(seen, "customer's own stale position");
    await saveScreenshot(seen, database, "gaps-customer-role-stale");
    await seen.goto(`/evaluations/${evaluationId}`);
    await seen.getByText(checkReason).waitFor();
    await seen.getByText("Ask your reseller to check it again at today's list.").waitFor();
    assert.equal(await seen.getByRole("button", { name: /^Check again/ }).count(), 0);
    await assertAccessible(seen, "customer's own stale check");
    await saveScreenshot(seen, database, "gaps-customer-role-stale-check");
    customer.assertClean();
    await seen.context().close();
  });
}
