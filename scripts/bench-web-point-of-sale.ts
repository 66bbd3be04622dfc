// Point-of-sale latency in a real browser: `calwise serve` on SQLite, Debian's Chromium, one owner with a price
// list, and no other load on the server (whatever else runs on the machine is its own). For each key (a real
// ArrowUp key press in the staff field: 11, 12, … 70) it records key → answer rendered (the sentence shows the
// new count) and the app's own request → rendered measure (`calwise:pos-answer`, the figure), and for
// every request the fetch's duration and the server's own part (its `Server-Timing: app`), then prints
// p50/p95/max of each. Run: node --import tsx scripts/bench-web-point-of-sale.ts (about 30 s).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@calwise/storage";
import {
  addAccount,
  buildWebApp,
  launchChromium,
  openWatchedPage,
  password,
  startService,
} from "../test/e2e/web-harness.ts";
import { pointOfSalePriceList } from "./bench-fixtures.ts";

const keys = 60;
const dataDir = mkdtempSync(join(tmpdir(), "calwise-bench-web-"));
const webDir = await buildWebApp();
addAccount(dataDir, "Bench Reseller", "agent@bench.example", "sales");
const store = await openStore({ location: dataDir });
const org = await store.organisations.findBySlug("bench-reseller");
if (org === undefined) throw new Error("no organisation");
await store.priceLists.create(org.id, {
  name: pointOfSalePriceList.name,
  currency: pointOfSalePriceList.currency,
  validFrom: pointOfSalePriceList.validFrom,
  document: pointOfSalePriceList,
});
await store.close();
const service = await startService(dataDir, webDir);
const browser = await launchChromium();
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}
try {
  const { page } = await openWatchedPage(browser, service.url);
  await page.goto("/sign-in");
  await page.getByLabel("Organisation").fill("bench-reseller");
  await page.getByLabel("Email address").fill("agent@bench.example");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Point of sale" }).waitFor();
  await page.getByLabel("Shared devices").fill("0");
  await page.getByLabel("Devices", { exact: true }).fill("200");
  await page.locator(".answer-sentence", { hasText: /12 staff/ }).waitFor();
  await page.getByLabel("Staff", { exact: true }).fill("10");
  await page.locator(".answer-sentence", { hasText: /10 staff/ }).waitFor();
  await page.evaluate(() => {
    const bench = { start: 0, expect: "", times: [] as number[], layoutShift: 0 };
    (window as unknown as { bench: typeof bench }).bench = bench;
    document.addEventListener(
      "input",
      () => {
        bench.start = performance.now();
      },
      true,
    );
    const sentence = document.querySelector(".answer-sentence");
    if (sentence === null) throw new Error("no answer sentence");
    new MutationObserver(() => {
      if (bench.expect !== "" && sentence.textContent?.includes(bench.expect)) {
        bench.times.push(performance.now() - bench.start);
        bench.expect = "";
      }
    }).observe(sentence, { subtree: true, childList: true, characterData: true });
    new PerformanceObserver((list) => {
      // As the CLS metric counts them: shifts within 500 ms of a key press are expected, not counted.
      for (const entry of list.getEntries()) {
        const shift = entry as unknown as { value: number; hadRecentInput: boolean };
        if (!shift.hadRecentInput) bench.layoutShift += shift.value;
      }
    }).observe({ type: "layout-shift", buffered: false });
    performance.clearMeasures("calwise:pos-answer");
  });
  for (let n = 11; n < 11 + keys; n++) {
    await page.evaluate((text) => {
      (window as unknown as { bench: { expect: string } }).bench.expect = text;
    }, `${n} staff`);
    // A real key press (ArrowUp in the number field: one more member of staff), as an agent types.
    await page.getByLabel("Staff", { exact: true }).press("ArrowUp");
    await page.locator(".answer-sentence", { hasText: `${n} staff` }).waitFor();
  }
  const result = await page.evaluate(() => ({
    keyToRendered: (window as unknown as { bench: { times: number[] } }).bench.times,
    layoutShift: (window as unknown as { bench: { layoutShift: number } }).bench.layoutShift,
    requestToRendered: performance.getEntriesByName("calwise:pos-answer").map((e) => e.duration),
    // The server's own part of each answer (its Server-Timing), and the whole request as the browser saw it.
    server: performance
      .getEntriesByType("resource")
      .filter((e) => e.name.endsWith("/v1/point-of-sale"))
      .flatMap((e) => (e as PerformanceResourceTiming).serverTiming.map((t) => t.duration)),
    network: performance
      .getEntriesByType("resource")
      .filter((e) => e.name.endsWith("/v1/point-of-sale"))
      .map((e) => e.duration),
  }));
  const line = (name: string, v: number[]) =>
    `${name}: n=${v.length} p50=${percentile(v, 50).toFixed(1)} ms p95=${percentile(v, 95).toFixed(1)} ms max=${Math.max(...v).toFixed(1)} ms`;
  console.log(line("request → rendered", result.requestToRendered));
  console.log(line("key → rendered (includes the 40 ms debounce)", result.keyToRendered));
  console.log(line("request → response (fetch, every request)", result.network));
  console.log(line("server (Server-Timing, every request)", result.server));
  console.log(
    `layout shift not caused by a key press, summed over ${keys} keys (CLS): ${result.layoutShift.toFixed(4)}`,
  );
} finally {
  await browser.close();
  await service.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(webDir, { recursive: true, force: true });
}
