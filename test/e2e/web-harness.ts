// What the browser tests stand on: the web app built by Vite, a real `calwise serve` child process on SQLite or
// PostgreSQL, accounts made with `calwise user add`, and Debian's Chromium driven by playwright-core, each
// page watched for console errors and failed requests, checked by axe-core, and photographed.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { findFreePort } from "@calwise/storage/testing";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { root, runCli } from "../cli/run-cli.ts";

/** Where the tests save a screenshot of each main screen (gitignored; named in the README). */
export const screenshotDir = join(root, "test/e2e/screenshots");

/** The password of every test account. */
export const password = "a long enough test password";

/** Debian's Chromium, kept off the network: never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** Builds apps/web into a fresh directory, so the test serves exactly the sources it was run with. */
export async function buildWebApp(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "calwise-web-"));
  await build({
    configFile: join(root, "apps/web/vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/** A running `calwise serve` and how to reach and stop it. */
export interface RunningService {
  readonly url: string;
  /** The store location the service uses (a data directory or a postgres:// URL). */
  readonly location: string;
  stop(): Promise<void>;
}

/** The environment and options that point `calwise` at a store (PostgreSQL URL, else a data directory). */
function storeSettings(location: string): { env: Record<string, string>; args: string[] } {
  return location.startsWith("postgres")
    ? { env: { DATABASE_URL: location }, args: [] }
    : { env: { DATABASE_URL: "" }, args: ["--data-dir", location] };
}

/** Adds an account with `calwise user add` (the organisation is made with its first account). */
export function addAccount(location: string, org: string, email: string, role: string): void {
  const settings = storeSettings(location);
  const r = runCli(
    ["user", "add", "--org", org, "--email", email, "--role", role, ...settings.args],
    root,
    {
      env: { ...settings.env, CALWISE_PASSWORD: password },
    },
  );
  assert.equal(r.code, 0, r.stderr);
}

/** Starts `calwise serve` on a free loopback port with the given web build, and waits until it is ready. */
export async function startService(location: string, webDir: string): Promise<RunningService> {
  const port = await findFreePort();
  const settings = storeSettings(location);
  // On PostgreSQL the service still keeps evidence uploads in a data directory: a temporary one, never ./.
  const uploads = location.startsWith("postgres")
    ? mkdtempSync(join(tmpdir(), "calwise-web-uploads-"))
    : undefined;
  if (uploads !== undefined) settings.args.push("--data-dir", uploads);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      `${root}/apps/cli/bin/calwise.js`,
      "serve",
      "--port",
      String(port),
      "--web-dir",
      webDir,
      ...settings.args,
    ],
    { cwd: root, env: { ...process.env, ...settings.env }, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let exited = false;
  void exit.then(() => {
    exited = true;
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (exited) throw new Error(`calwise serve exited before it was ready: ${stderr}`);
    const r = await fetch(`${url}/readyz`).catch(() => undefined);
    if (r?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    location,
    stop: async () => {
      if (!exited) child.kill("SIGTERM");
      await exit;
      if (uploads !== undefined) rmSync(uploads, { recursive: true, force: true });
    },
  };
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/** A page that records every console error, page error, failed request and HTTP error it sees. */
export interface WatchedPage {
  readonly page: Page;
  /** What went wrong so far (each a line); `expectProblems` takes out the ones a test means to cause. */
  readonly problems: string[];
  /** Removes the recorded problems matching `pattern` (a 404 the test asked for) and says how many. */
  expectProblems(pattern: RegExp): number;
  /** Fails the test if anything unexpected went wrong on the page. */
  assertClean(): void;
}

/**
 * Opens a page in a fresh browser context (its own cookies) that records everything that goes wrong; `timezoneId`
 * puts the browser in another time zone (its own date differs from the server's UTC one).
 */
export async function openWatchedPage(
  browser: Browser,
  baseURL: string,
  options: { readonly timezoneId?: string } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  const page = await context.newPage();
  // Every wait is for the app's own server on loopback: 10 s is ample, and a failure shows sooner.
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    // A request the app aborted itself (a superseded point-of-sale question) is not a failure.
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(
      `request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`,
    );
  });
  page.on("response", (response) => {
    if (response.status() >= 400)
      problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return {
    page,
    problems,
    expectProblems(pattern) {
      const before = problems.length;
      const kept = problems.filter((p) => !pattern.test(p));
      problems.splice(0, problems.length, ...kept);
      return before - kept.length;
    },
    assertClean() {
      assert.deepEqual(problems, [], "the page had console errors or failed requests");
    },
  };
}

/** Runs axe-core in the page (injected, WCAG 2 A/AA rules) and fails on any violation, naming each. */
export async function assertAccessible(page: Page, screen: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{
            violations: { id: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
      },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    );
  });
  assert.deepEqual(violations, [], `axe-core found accessibility problems on the ${screen} screen`);
}

/**
 * Saves a screenshot of a main screen under test/e2e/screenshots/<database>-<screen>.png: the full page, or only
 * what the viewport shows (what a phone's user sees before scrolling).
 */
export async function saveScreenshot(
  page: Page,
  database: string,
  screen: string,
  fullPage = true,
): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${database}-${screen}.png`), fullPage });
}

/**
 * Drops the shared corpus's small Security log on the customer screen's evidence card and waits for its audit
 * job to end: the link, or the job's failure or the upload's refusal in words, which the assertion then shows.
 * The job shares two cores with everything else on a loaded machine: the wait is an upper bound, not a measure.
 */
export async function auditCorpusEvidence(page: Page): Promise<void> {
  await page
    .getByLabel("Choose files, or drop them here")
    .setInputFiles(join(root, "../shared/corpus/evtx/lm-wmi-4624-4688-targethost.evtx"));
  await startEvidenceAudit(page);
  const jobEnd = page.locator(".uploads li").filter({ has: page.locator("a, .error-text") });
  await jobEnd.waitFor({ timeout: 120_000 });
  assert.match((await jobEnd.textContent()) ?? "", /Audit ready/);
}

/**
 * Starts the audit of the files chosen on the evidence card ("Audit 1 file together") once they are stored, or
 * returns when one was refused (its words are then in the list, for the caller's assertion to show).
 */
export async function startEvidenceAudit(page: Page): Promise<void> {
  const start = page.getByRole("button", { name: /^Audit [1-9]\d* files? together$/ });
  const refused = page.locator(".uploads li .error-text");
  await Promise.race([
    start.waitFor({ timeout: 120_000 }),
    refused.first().waitFor({ timeout: 120_000 }),
  ]);
  if (await start.isEnabled().catch(() => false)) await start.click();
}

/** A store the browser flows run on: where it is (a data directory or a postgres:// URL) and how to remove it. */
export interface FlowStore {
  readonly location: string;
  remove(): Promise<void>;
}

/** What a flow file's tests stand on, once its `before` hook has run. */
export interface FlowSetup {
  /** The store's location (for `calwise` commands and direct store reads). */
  location(): string;
  /** A page in a fresh browser context (its own cookies), watched for problems, on the running service. */
  open(options?: { readonly timezoneId?: string }): Promise<WatchedPage>;
}

/**
 * Registers the `before`/`after` hooks of a flow file: the store `makeStore` makes, filled by `prepare` (its
 * accounts, price lists, records) before the service starts, a fresh build of the web app, `calwise serve` on
 * them and Chromium; after the tests, all of it stopped and removed.
 */
export function setUpFlows(
  makeStore: () => Promise<FlowStore>,
  prepare: (location: string) => Promise<void> | void,
): FlowSetup {
  let store: FlowStore | undefined;
  let service: RunningService | undefined;
  let browser: Browser | undefined;
  let webDir: string | undefined;
  before(async () => {
    store = await makeStore();
    webDir = await buildWebApp();
    await prepare(store.location);
    service = await startService(store.location, webDir);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await service?.stop();
    if (webDir !== undefined) rmSync(webDir, { recursive: true, force: true });
    await store?.remove();
  });
  return {
    location() {
      assert.ok(store, "the store was not made");
      return store.location;
    },
    open(options) {
      assert.ok(browser && service, "the service and browser were not started");
      return openWatchedPage(browser, service.url, options);
    },
  };
}

/**
 * Fills the training screen's CAL fields with the engine's answer, read from its explanation of a wrong one:
 * each "N staff/devices needs a … user/device CAL".
 */
export async function answerFromExplanation(page: Page, explanation: string): Promise<void> {
  const fields: Record<string, string> = {
    "Windows Server user": "Windows Server user CALs",
    "Windows Server device": "Windows Server device CALs",
    "Remote Desktop Services user": "Remote Desktop user CALs",
    "Remote Desktop Services device": "Remote Desktop device CALs",
  };
  const needs = [
    ...explanation.matchAll(
      /each of your (\d+) [a-z ]+? needs a (Windows Server|Remote Desktop Services) \d{4} (user|device) CAL/gi,
    ),
  ];
  assert.ok(needs.length > 0, explanation);
  for (const [, count, family, type] of needs) {
    const label = fields[`${family} ${type}`];
    assert.ok(label !== undefined && count !== undefined);
    await page.getByLabel(label, { exact: true }).fill(count);
  }
}
