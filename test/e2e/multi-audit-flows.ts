// One audit over several evidence files in the browser (web-multi-audit), on SQLite and PostgreSQL: the example's
// logons with its AD inventory give what `calwise audit` gives for the same files, not "compliant" file by file.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { parse } from "yaml";
import { root, runCli } from "../cli/run-cli.ts";
import { callApi } from "./gaps-flows.ts";
import { assertAccessible, saveScreenshot, type WatchedPage } from "./web-harness.ts";

const exampleFiles = ["sentinel-security-events.csv", "ad-users.csv", "ad-computers.csv"];
const example = (name: string) => join(root, "examples/audit", name);

/** The shortfall lines `calwise audit --json` gives for the three example files: "2 × 2016 user CALs short". */
function cliShortfalls(): string[] {
  const cli = runCli(
    [
      "audit",
      "--json",
      "--owned",
      example("licences.yaml"),
      "--events",
      example("sentinel-security-events.csv"),
      "--inventory",
      example("ad-users.csv"),
      "--inventory",
      example("ad-computers.csv"),
    ],
    mkdtempSync(join(tmpdir(), "calwise-e2e-multi-")),
  );
  const result = JSON.parse(cli.stdout) as {
    evaluation: {
      families: { required: { version: string; type: string; shortfall: number }[] }[];
    };
  };
  return result.evaluation.families.flatMap((f) =>
    f.required
      .filter((r) => r.shortfall > 0)
      .map(
        (r) => `${r.shortfall} × ${r.version} ${r.type} CAL${r.shortfall === 1 ? "" : "s"} short`,
      ),
  );
}

/** Both widths the app is checked at: a desk's and a phone's. */
async function shootBoth(page: Page, database: string, screen: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await saveScreenshot(page, database, `${screen}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The flow, on a page signed in as staff (registered by a flow file that already started the browser). */
export function defineMultiAuditFlow(database: string, signIn: () => Promise<WatchedPage>): void {
  test("logons and the AD inventory audited together give the command line's shortfall, with what each file gave", async () => {
    const expected = cliShortfalls();
    assert.deepEqual(expected, ["2 × 2016 user CALs short"], "the example as the README tells it");
    const watched = await signIn();
    const { page } = watched;
    const customer = await callApi(page, "POST", "/v1/customers", { name: "Threebees" });
    await callApi(page, "POST", "/v1/evaluations", {
      deployment: parse(readFileSync(example("licences.yaml"), "utf8")),
      customerId: customer.id,
    });
    await page.goto(`/customers/${customer.id}`);
    const extra = join(root, "../shared/corpus/evtx/lm-wmi-4624-4688-targethost.evtx");
    await page
      .getByLabel("Choose files, or drop them here")
      .setInputFiles([...exampleFiles.map(example), extra]);
    const list = page.getByRole("list", { name: "Files for this audit" });
    for (const kind of [
      "Sentinel sign-in events",
      "Active Directory users",
      "Active Directory computers",
      "Windows event log",
    ])
      await list.getByText(kind).waitFor({ timeout: 60_000 });
    assert.match((await list.textContent()) ?? "", /ad-users\.csv.*3\.0 KB/s);
    await assertAccessible(page, "evidence files chosen");
    await shootBoth(page, database, "multi-audit-files");
    // The Security log is another customer's business: taken out before the audit starts.
    await page.getByRole("button", { name: "Remove lm-wmi-4624-4688-targethost.evtx" }).click();
    await page.getByRole("button", { name: "Audit 3 files together" }).click();
    await page.getByRole("link", { name: "Audit ready: open it" }).click({ timeout: 120_000 });
    await page.getByRole("heading", { name: "Audit of the evidence" }).waitFor();
    for (const line of expected) await page.getByText(line, { exact: false }).waitFor();
    const files = page.getByRole("table", { name: "Files" });
    const rows = (await files.locator("tbody tr").allTextContents()).join("\n");
    assert.match(rows, /sentinel-security-events\.csv.*10 events read \(8 logons\)/);
    assert.match(rows, /ad-users\.csv.*8 inventory rows/);
    assert.match(rows, /ad-computers\.csv.*6 inventory rows/);
    assert.doesNotMatch(rows, /lm-wmi/);
    await assertAccessible(page, "audit of several files");
    await shootBoth(page, database, "multi-audit-result");
    // The customer's position: the deployment's check (no users typed on it) is covered, the audit is not,
    // and the card says so first instead of "Compliant".
    await page.goto(`/customers/${customer.id}`);
    const position = page.getByRole("region", { name: "Compliance position" });
    await position.getByText(/Not compliant by the newest audit/).waitFor();
    const said = (await position.textContent()) ?? "";
    assert.match(said, /short by 2 CALs/);
    assert.doesNotMatch(said, /Compliant: every deployment/);
    const estate = page.getByRole("region", { name: "Estate position" });
    await estate.getByText(/the newest audit is not/).waitFor();
    assert.doesNotMatch((await estate.textContent()) ?? "", /Estate: compliant/);
    await shootBoth(page, database, "multi-audit-position");
    // The same files chosen again from the customer's uploads: the same answer, no file sent twice.
    await page.goto(`/customers/${customer.id}`);
    await page.getByText(/^Add files uploaded before \(4\)$/).click();
    for (const name of exampleFiles)
      await page.getByRole("button", { name: `Add ${name}`, exact: true }).click();
    await page.getByRole("button", { name: "Audit 3 files together" }).click();
    await page.getByRole("link", { name: "Audit ready: open it" }).click({ timeout: 120_000 });
    await page.getByRole("heading", { name: "Audit of the evidence" }).waitFor();
    for (const line of expected) await page.getByText(line, { exact: false }).waitFor();
    watched.assertClean();
    await page.context().close();
  });
}
