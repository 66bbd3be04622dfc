// The sales flows of issue 13 in a real browser: the owner's logo and scenario, an agent's training answers
// feeding the dashboard, the CAL attach rate of quotes with and without CALs, and the printed handout.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { crc32, deflateSync } from "node:zlib";
import type { Page } from "playwright-core";
import { parse } from "yaml";
import { root } from "../cli/run-cli.ts";
import { quoteWithCals } from "../service/sales-cases.ts";
import { signIn, type TestStore } from "./web-flows.ts";
import {
  addAccount,
  answerFromExplanation,
  assertAccessible,
  buildWebApp,
  launchChromium,
  openWatchedPage,
  saveScreenshot,
  startService,
} from "./web-harness.ts";

const owner = { org: "sales-reseller", email: "owner@sales.example" };
const agent = { org: "sales-reseller", email: "agent@sales.example" };
const scenarioTitle = "The dental practice";

/** A real PNG (solid blue, `size` pixels square) that Chromium decodes and a PDF embeds as an image. */
function writePng(size: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([29, 78, 216]))]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(Array.from({ length: size }, () => row)))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Calls the API from the signed-in page (its session cookie and CSRF token), as the app itself does. */
async function callFromPage(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  contentType = "application/json",
): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, path, body, contentType }) => {
      const csrf = decodeURIComponent(/calwise_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? "");
      const r = await fetch(path, {
        method,
        headers: { "content-type": contentType, "x-csrf-token": csrf },
        body:
          body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
      return { status: r.status, json: await r.json() };
    },
    { method, path, body, contentType },
  );
}

/** The sales flows against `calwise serve` on a store made by `makeStore` (`database` names screenshots). */
export function runSalesFlows(database: string, makeStore: () => Promise<TestStore>): void {
  test(`sales flows on ${database}: logo, scenarios, training scores, attach rate, handout`, async (t) => {
    const store = await makeStore();
    const webDir = await buildWebApp();
    addAccount(store.location, "Sales Reseller", owner.email, "owner");
    addAccount(store.location, "Sales Reseller", agent.email, "sales");
    const service = await startService(store.location, webDir);
    const browser = await launchChromium();
    const pdfDir = mkdtempSync(join(tmpdir(), "calwise-handout-"));
    const open = () => openWatchedPage(browser, service.url);
    try {
      await t.test("the owner adds a logo in Settings and a scenario of their own", async () => {
        const watched = await open();
        const { page } = watched;
        await signIn(watched, owner);
        await page
          .getByRole("navigation", { name: "Main" })
          .getByRole("link", { name: "Settings" })
          .click();
        await page.getByText("No logo yet.").waitFor();
        await page.getByLabel("Logo file").setInputFiles({
          name: "logo.svg",
          mimeType: "image/svg+xml",
          buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        });
        await page.getByRole("button", { name: "Add logo" }).click();
        await page
          .getByText(/not a PNG or JPEG image/)
          .first()
          .waitFor();
        assert.equal(watched.expectProblems(/HTTP 400|status of 400/), 2, "the refused SVG");
        await page.getByLabel("Logo file").setInputFiles({
          name: "logo.png",
          mimeType: "image/png",
          buffer: writePng(48),
        });
        await page.getByRole("button", { name: "Add logo" }).click();
        await page.getByText("Logo saved.").waitFor();
        const logo = page.getByRole("img", { name: "Sales Reseller logo" });
        await logo.waitFor();
        assert.equal(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth), 48);
        await assertAccessible(page, "settings");
        await saveScreenshot(page, database, "settings");

        await page
          .getByRole("navigation", { name: "Main" })
          .getByRole("link", { name: "Training" })
          .click();
        await page.getByRole("link", { name: "Your own scenarios" }).click();
        await page.getByText("No scenarios of your own yet.").waitFor();
        await page.getByRole("button", { name: "Add scenario" }).click();
        await page.getByRole("link", { name: /Title: Give the scenario a title/ }).waitFor();
        await page.getByLabel("Title").fill(scenarioTitle);
        await page.getByLabel("Edition sold").selectOption("ws2022-standard");
        await page.getByLabel("Staff").fill("12");
        await page.getByLabel("Devices", { exact: true }).fill("5");
        await page.getByLabel("Shared devices").fill("5");
        await page.getByLabel("Note for the agent (optional)").fill("Ask about the reception PCs.");
        await page.getByRole("button", { name: "Add scenario" }).click();
        await page.getByRole("listitem").filter({ hasText: scenarioTitle }).waitFor();
        await assertAccessible(page, "training scenarios");
        await saveScreenshot(page, database, "training-scenarios");
        watched.assertClean();
        await page.context().close();
      });

      await t.test(
        "an agent gets the owner's scenario, answers wrong then right; the dashboard shows the score",
        async () => {
          const watched = await open();
          const { page } = watched;
          await signIn(watched, agent);
          await page
            .getByRole("navigation", { name: "Main" })
            .getByRole("link", { name: "Training" })
            .click();
          await page.getByText("No training answers yet.").waitFor();
          await page.getByLabel("Exercises from").selectOption("organisation");
          await page.getByRole("button", { name: "Start an exercise" }).click();
          await page
            .getByText(
              `${scenarioTitle}: a customer buys Windows Server 2022 Standard for 12 staff`,
            )
            .waitFor();
          await page.getByText("Ask about the reception PCs.").waitFor();
          await page.getByRole("button", { name: "Check my answer" }).click();
          const wrong = await page
            .getByRole("status")
            .filter({ hasText: /^Not quite\./ })
            .textContent();
          await answerFromExplanation(page, wrong ?? "");
          await page.getByRole("button", { name: "Check my answer" }).click();
          await page
            .getByRole("status")
            .filter({ hasText: /^Right\./ })
            .waitFor();
          const own = page.getByRole("table", { name: "Your training score" });
          await own.getByRole("row", { name: /agent@sales\.example 2 1 50 %/ }).waitFor();
          await assertAccessible(page, "training with scores");
          await saveScreenshot(page, database, "training-scores");
          await page
            .getByRole("navigation", { name: "Main" })
            .getByRole("link", { name: "Dashboard" })
            .click();
          await page
            .getByRole("table", { name: "Your training score in the period" })
            .getByRole("row", { name: /agent@sales\.example 2 1 50 %/ })
            .waitFor();
          await page.getByText("No quotes in these months yet.").waitFor();
          await assertAccessible(page, "dashboard (empty)");
          watched.assertClean();
          await page.context().close();
        },
      );

      await t.test(
        "quotes with and without CALs give the attach rate; the owner sees every agent's score",
        async () => {
          const watched = await open();
          const { page } = watched;
          await signIn(watched, owner);
          const example = (name: string) => readFileSync(join(root, "examples", name), "utf8");
          const lists = await callFromPage(
            page,
            "POST",
            "/v1/price-lists?source=prices-reseller-2026h2.csv",
            example("prices-reseller-2026h2.csv"),
            "text/csv",
          );
          assert.equal(lists.status, 201, JSON.stringify(lists.json));
          const customer = await callFromPage(page, "POST", "/v1/customers", {
            name: "Dental practice",
          });
          const customerId = (customer.json as { id: string }).id;
          // With CALs: one Windows Server 2012 Standard and 5 user CALs (a 5-pack at €185.00).
          const withCals = await callFromPage(
            page,
            "POST",
            "/v1/quotes",
            quoteWithCals(customerId),
          );
          assert.equal(withCals.status, 201, JSON.stringify(withCals.json));
          const quoteId = (withCals.json as { id: string }).id;
          assert.equal(
            (await callFromPage(page, "POST", `/v1/quotes/${quoteId}/issue`)).status,
            200,
          );
          // Without CALs: Müller's quote leaves them out with recorded reasons (already owned, anonymous only).
          const {
            deployment: _d,
            priceLists: _p,
            ...terms
          } = parse(example("quote-muller-lodz.yaml")) as Record<string, unknown>;
          const without = await callFromPage(page, "POST", "/v1/quotes", {
            customerId,
            deployment: parse(example("muller-lodz.yaml")),
            terms: { ...terms, date: "2026-11-28" },
          });
          assert.equal(without.status, 201, JSON.stringify(without.json));

          await page
            .getByRole("navigation", { name: "Main" })
            .getByRole("link", { name: "Dashboard" })
            .click();
          await page.getByText("50 % over the period (1 of 2)").waitFor();
          await page
            .getByRole("table", { name: "Revenue in EUR" })
            .getByRole("cell", { name: "€185.00" })
            .waitFor();
          await page
            .getByRole("table", { name: "Training scores per agent in the period" })
            .getByRole("row", { name: /agent@sales\.example 2 1 50 %/ })
            .waitFor();
          await page.getByRole("img", { name: /^CAL attach rate per month\./ }).waitFor();
          await assertAccessible(page, "dashboard");
          await saveScreenshot(page, database, "dashboard");
          watched.assertClean();
          await page.context().close();
        },
      );

      await t.test(
        "the handout prints to PDF with the logo, the name and each answer's rule and source",
        async () => {
          const watched = await open();
          const { page } = watched;
          await signIn(watched, owner);
          await page
            .getByRole("navigation", { name: "Main" })
            .getByRole("link", { name: "Training" })
            .click();
          await page.getByRole("link", { name: "Print a handout" }).click();
          await page
            .getByRole("heading", { name: "CALs at the point of sale: training handout" })
            .waitFor();
          const logo = page.getByRole("img", { name: "Sales Reseller logo" });
          await logo.waitFor();
          await page.waitForFunction(() =>
            [...document.images].every((img) => img.complete && img.naturalWidth > 0),
          );
          await assertAccessible(page, "training handout");
          await saveScreenshot(page, database, "training-handout");
          const pdf = join(pdfDir, "handout.pdf");
          await page.pdf({ path: pdf, format: "A4", printBackground: true });
          const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
          assert.equal(text.status, 0, text.stderr);
          for (const expected of ["Sales Reseller", "training handout", scenarioTitle, "Answer:"])
            assert.ok(text.stdout.includes(expected), `the PDF says "${expected}"`);
          assert.match(text.stdout, /Rule [a-z0-9-]+/, "each answer's rule");
          assert.match(text.stdout, /Sources: R\d+/, "and its source");
          assert.ok(
            !text.stdout.includes("Print the handout"),
            "the print stylesheet drops the button",
          );
          assert.ok(!text.stdout.includes("Point of sale"), "and the app's navigation");
          const images = spawnSync("pdfimages", ["-list", pdf], { encoding: "utf8" });
          assert.equal(images.status, 0, images.stderr);
          const rows = images.stdout.trim().split("\n").slice(2);
          assert.ok(rows.length >= 1, `the logo is an image in the PDF:\n${images.stdout}`);
          watched.assertClean();
          await page.context().close();
        },
      );
    } finally {
      await browser.close();
      await service.stop();
      rmSync(webDir, { recursive: true, force: true });
      rmSync(pdfDir, { recursive: true, force: true });
      await store.remove();
    }
  });
}
