// The customers-and-compliance flows of issue 13 (web-customers), run against one store by the two runners
// (web-sqlite.test.ts, web-postgres.test.ts): the deployment editor, file and CSV import, revisions
// compared, the stored position re-checked, entitlements imported, evidence followed over the event stream.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { root } from "../cli/run-cli.ts";
import type { TestStore } from "./web-flows.ts";
import { signIn } from "./web-flows.ts";
import {
  addAccount,
  assertAccessible,
  buildWebApp,
  launchChromium,
  openWatchedPage,
  saveScreenshot,
  startEvidenceAudit,
  startService,
} from "./web-harness.ts";

const owner = { org: "customer-flows", email: "specialist@reseller.example" };

/** A file the test hands to a file input without writing it anywhere. */
function file(name: string, text: string) {
  return {
    name,
    mimeType: name.endsWith(".csv") ? "text/csv" : "text/yaml",
    buffer: Buffer.from(text),
  };
}

async function addCustomer(page: Page, name: string): Promise<string> {
  await page.getByRole("link", { name: "Customers" }).click();
  await page.getByLabel("Customer name").fill(name);
  await page.getByRole("button", { name: "Add customer" }).click();
  await page.getByRole("heading", { name }).waitFor();
  return new URL(page.url()).pathname;
}

/** The customer flows against `calwise serve` on a store made by `makeStore` (`database` names screenshots). */
export function runCustomerFlows(database: string, makeStore: () => Promise<TestStore>): void {
  test("customers and compliance: editor, import, revisions, position, entitlements, evidence", async (t) => {
    const store = await makeStore();
    const webDir = await buildWebApp();
    addAccount(store.location, "Customer Flows", owner.email, "owner");
    const service = await startService(store.location, webDir);
    const browser = await launchChromium();
    const watched = await openWatchedPage(browser, service.url);
    const { page } = watched;
    const shot = (screen: string) => saveScreenshot(page, database, screen);
    let customerPath = "";
    try {
      await signIn(watched, owner);

      await t.test(
        "a deployment typed into the editor, its problems at their cells, then its compliance",
        async () => {
          customerPath = await addCustomer(page, "Bäckerei Kowalski");
          await page.getByLabel("Deployment name").fill("Shop");
          await page.getByLabel("Server 1 name").fill("S1");
          await page.getByLabel("User 1 id").fill("U{1..3}");
          await page.getByLabel("Device 1 id").fill("PC1");
          await page.getByLabel("Access 1 user").fill("U{1..3}");
          await page.getByLabel("Access 1 device").fill("PC1");
          await page.getByLabel("Access 1 servers").fill("S9");
          // In the browser, the core's schema: the edition is missing.
          await page.getByRole("button", { name: "Check compliance" }).click();
          await page.getByRole("link", { name: /^Server 1, product:/ }).waitFor();
          await page.locator("#servers-0-product-error").waitFor();
          await page.getByLabel("Server 1 edition").selectOption("ws2022-standard");
          // On the server, the catalog check: S9 is no server of the deployment.
          await page.getByRole("button", { name: "Check compliance" }).click();
          await page.locator("#accesses-0-server-error").waitFor();
          assert.equal(watched.expectProblems(/HTTP 400|status of 400/), 2, "one refused save");
          await assertAccessible(page, "deployment editor with errors");
          await shot("customer-editor-errors");
          await page.getByLabel("Access 1 servers").fill("S1");
          await page.getByRole("button", { name: "Add owned CAL" }).click();
          await page.getByLabel("Owned CAL 1 family").selectOption("ws-cal");
          await page.getByLabel("Owned CAL 1 version").selectOption("2022");
          await page.getByLabel("Owned CAL 1 type").selectOption("device");
          await page.getByLabel("Owned CAL 1 quantity").fill("1");
          await page.getByRole("button", { name: "Check compliance" }).click();
          await page.getByRole("heading", { name: "Compliance: Shop" }).waitFor();
          await page.getByText("Compliant: the CALs owned cover every access.").waitFor();
          await page.getByRole("heading", { name: /why it is the cheapest/ }).waitFor();
          await page
            .getByText(/This is the cheapest mix: it leaves 0 CALs to buy/)
            .first()
            .waitFor();
          await page.getByText(/^0 user CALs and 1 device CAL, 1 owned CAL used first\./).waitFor();
          await assertAccessible(page, "compliance with the mix explained");
          await shot("compliance-mix");
        },
      );

      await t.test(
        "a YAML example and an access CSV imported, saved as revisions 1 and 2, compared",
        async () => {
          await page.goto(customerPath);
          await page.getByLabel("Editing").selectOption({ label: "a new deployment" });
          await page
            .getByLabel("Import a file")
            .setInputFiles(join(root, "examples/muller-lodz.yaml"));
          await page.getByText("Read muller-lodz.yaml: check the tables, then save.").waitFor();
          assert.equal(await page.getByLabel("Server 1 name").inputValue(), "DC1");
          assert.equal(
            await page.getByLabel("Server 2 SQL Server").inputValue(),
            "sql2012-standard",
          );
          await page.getByRole("button", { name: "Save revision" }).click();
          await page.getByText("Saved as revision 1.").waitFor();
          await page
            .getByLabel("Import a file")
            .setInputFiles(
              file("new-starters.csv", "user,device,server,service\noffice25,pc25,DC1 FS-OLD,\n"),
            );
          await page.getByText("Read new-starters.csv: check the tables, then save.").waitFor();
          assert.equal(await page.getByLabel("User 3 id").inputValue(), "office25");
          await page.getByRole("button", { name: "Save revision" }).click();
          await page.getByText("Saved as revision 2.").waitFor();
          await page.getByRole("heading", { name: /^Revisions of Müller/ }).waitFor();
          await page.getByLabel("Compare revision").selectOption("1");
          await page.getByLabel("with revision").selectOption("2");
          await page.getByRole("button", { name: "Compare" }).click();
          await page.getByText("Users added: office25; removed: none").waitFor();
          const cals = page.getByRole("table", { name: "CALs needed, before and after" });
          assert.match(
            (await cals.textContent()) ?? "",
            /Windows Server CAL 2012, (user|device)\d+\d+\+1/,
          );
          await assertAccessible(page, "revisions compared");
          await shot("revisions");
          // An older revision opens in the editor; saving it would make revision 3.
          await page.getByRole("button", { name: "Open revision 1" }).click();
          await page.getByText("Revision 1 is open: saving makes it revision 3.").waitFor();
          assert.equal(
            await page.getByLabel("User 3 id").count(),
            0,
            "revision 1 has two user rows",
          );
        },
      );

      await t.test(
        "a YAML file with an error is refused, the problem shown at its line",
        async () => {
          await page
            .getByLabel("Import a file")
            .setInputFiles(
              file(
                "broken.yaml",
                "name: x\nservers:\n  - name: S1\n    product: ws2099-standard\n",
              ),
            );
          await page.getByRole("heading", { name: "broken.yaml was not imported" }).waitFor();
          await page.getByText(/^line 4, column \d+: /).waitFor();
          assert.equal(watched.expectProblems(/HTTP 400|status of 400/), 2, "one refused file");
          await assertAccessible(page, "import problem");
          await shot("import-problem");
        },
      );

      await t.test(
        "the stored position: a deployment never checked is checked from it (Check now)",
        async () => {
          await page.goto(customerPath);
          const position = page.getByRole("table", { name: "Compliance per deployment" });
          await position.getByRole("row", { name: /Shop/ }).getByText("current").waitFor();
          await position.getByText("not checked").waitFor();
          await page.getByRole("button", { name: /^Check now \(Müller/ }).click();
          await position
            .getByRole("row", { name: /Müller/ })
            .getByText("current")
            .waitFor();
          await assertAccessible(page, "customer with its position");
          await shot("customer-position");
        },
      );

      await t.test(
        "entitlements: a bad CSV located by line, the example imported and listed",
        async () => {
          await page
            .getByLabel("Import entitlements (CSV)")
            .setInputFiles(file("bad.csv", "quantity,family,type,invoice\nten,ws-cal,user,I-1\n"));
          await page.getByRole("heading", { name: "bad.csv was not imported" }).waitFor();
          await page.getByText(/^line 2, column 1: not a quantity/).waitFor();
          assert.equal(watched.expectProblems(/HTTP 400|status of 400/), 2, "one refused CSV");
          await page
            .getByLabel("Import entitlements (CSV)")
            .setInputFiles(join(root, "examples/entitlements.csv"));
          await page.getByText("entitlements.csv imported.").waitFor();
          await page.getByRole("table", { name: "Entitlements (3)" }).waitFor();
          await page.getByRole("cell", { name: "INV-2025-0311" }).waitFor();
          await assertAccessible(page, "entitlements");
          await shot("entitlements");
        },
      );

      await t.test(
        "estate: every deployment against the entitlements, as the API says; a check says it counts only its own CALs",
        async () => {
          const id = customerPath.split("/").pop() ?? "";
          const estate = (await page.evaluate(async (path) => {
            const response = await fetch(path, { credentials: "same-origin" });
            return response.json();
          }, `/v1/customers/${id}/estate`)) as {
            entitlements: number;
            position: { compliant: boolean; shortfall: number; lines: unknown[] };
          };
          assert.equal(estate.entitlements, 3);
          const said = estate.position.compliant
            ? "Estate: compliant"
            : `Estate: ${estate.position.shortfall.toLocaleString("en-US")} short`;
          await page.locator(".estate-status", { hasText: said }).waitFor();
          const lines = page.getByRole("table", { name: "CALs across the estate" });
          assert.equal(await lines.locator("tbody tr").count(), estate.position.lines.length);
          await page.getByText(/counted once each across the estate/).waitFor();
          await page
            .getByText(/^Owned: 25 2012 user CALs \(ws-cal\), invoice INV-2024-0117/)
            .waitFor();
          await assertAccessible(page, "customer with its estate position");
          await shot("customer-estate");
          await page
            .getByRole("table", { name: "Compliance per deployment" })
            .getByRole("link")
            .first()
            .click();
          await page
            .getByText("This check counts only the CALs entered on this deployment.", {
              exact: false,
            })
            .waitFor();
          await page.getByText(/The customer's 3 entitlements are counted once/).waitFor();
          await page.getByRole("link", { name: "estate position" }).click();
          await page.getByRole("heading", { name: "Estate position" }).waitFor();
        },
      );

      await t.test(
        "evidence: the audit job followed over its event stream, not polled",
        async () => {
          const jobRequests: string[] = [];
          page.on("request", (request) => {
            const path = new URL(request.url()).pathname;
            if (path.startsWith("/v1/jobs/")) jobRequests.push(path);
          });
          await page
            .getByLabel("Audit against")
            .selectOption({ label: "Müller Sp. z o.o. – Łódź office (revision 2)" });
          await page
            .getByLabel("Choose files, or drop them here")
            .setInputFiles(join(root, "../shared/corpus/evtx/lm-wmi-4624-4688-targethost.evtx"));
          await startEvidenceAudit(page);
          await page
            .getByRole("link", { name: "Audit ready: open it" })
            .waitFor({ timeout: 60_000 });
          assert.ok(
            jobRequests.some((p) => /^\/v1\/jobs\/[^/]+\/events$/.test(p)),
            jobRequests.join(", "),
          );
          assert.deepEqual(
            jobRequests.filter((p) => !p.endsWith("/events")),
            [],
            "no polling while the stream works",
          );
          await assertAccessible(page, "evidence uploaded");
          await shot("evidence");
        },
      );
      watched.assertClean();
    } finally {
      await browser.close();
      await service.stop();
      rmSync(webDir, { recursive: true, force: true });
      await store.remove();
    }
  });
}
