// Measures issuing a quote, in process, on SQLite or a throwaway PostgreSQL, phase by phase as the server does
// the work: pricing and storing the draft (POST /v1/quotes), numbering it (POST /v1/quotes/{id}/issue: the
// store's transaction alone, then the whole route), the PDF (GET …/document?format=pdf). Then the issue as the
// quote screen meets it: sent while the screen's own advice and cost chart (POST /v1/advice, /v1/advice/costs)
// are being computed by the same process. Wall and CPU (user + sys of this process) per phase, median and max.
//   node --import tsx scripts/measure-issue-quote.ts sqlite   [--runs 5]
//   node --import tsx scripts/measure-issue-quote.ts postgres [--runs 5]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { openStore, type Store } from "@calwise/storage";
import { startThrowawayPostgres } from "@calwise/storage/testing";
import { mullerQuoteBody, storeExamplePriceLists } from "../test/service/commerce-cases.ts";
import {
  asSession,
  createAccount,
  createTestApi,
  signIn,
} from "../test/service/service-harness.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "5" } },
});
const database = positionals[0];
if (database !== "sqlite" && database !== "postgres")
  throw new Error("usage: measure-issue-quote.ts sqlite|postgres [--runs N]");
const runs = Number(values.runs);

const dir = mkdtempSync(join(tmpdir(), "calwise-issue-"));
const postgres = database === "postgres" ? await startThrowawayPostgres() : undefined;
const store: Store = await openStore({ location: postgres?.url ?? dir });

/** Wall and CPU milliseconds of `work`. */
async function time<T>(work: () => Promise<T>): Promise<{ result: T; wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { result, wall, cpu: (used.user + used.system) / 1000 };
}

const samples = new Map<string, { wall: number[]; cpu: number[] }>();
function record(phase: string, t: { wall: number; cpu: number }): void {
  const s = samples.get(phase) ?? { wall: [], cpu: [] };
  s.wall.push(t.wall);
  s.cpu.push(t.cpu);
  samples.set(phase, s);
}

try {
  const app = createTestApi(store);
  const { org, user } = await createAccount(store, "owner", "issue");
  const s = await signIn(app, org.slug, user.email);
  await storeExamplePriceLists(app, s);
  const customer = (await (
    await app.request("/v1/customers", asSession(s, "POST", { name: "Müller Łódź" }))
  ).json()) as { id: string };
  const expect = async (response: Response, status: number) => {
    if (response.status !== status)
      throw new Error(`answered ${response.status}: ${await response.text()}`);
    return response;
  };
  const draft = async () => {
    const t = await time(
      async () =>
        (await (
          await expect(
            await app.request("/v1/quotes", asSession(s, "POST", mullerQuoteBody(customer.id))),
            201,
          )
        ).json()) as { id: string; request: { deployment: unknown } },
    );
    record("price and store the draft (POST /v1/quotes)", t);
    return t.result;
  };
  // The quote screen's advice body for this quote's deployment (as countDeployment builds it in the browser).
  const advice = {
    profile: { users: 75, devices: 60, sharedDevices: 20 },
    currency: "EUR",
  };
  // Warm-up: the first pricing, advice and PDF load code and caches (not counted).
  const warm = await draft();
  await app.request(`/v1/quotes/${warm.id}/issue`, asSession(s, "POST"));
  await app.request(`/v1/quotes/${warm.id}/document?format=pdf`, asSession(s));
  await app.request("/v1/advice/costs", asSession(s, "POST", advice));
  samples.clear();

  for (let run = 0; run < runs; run += 1) {
    const quote = await draft();
    // Numbering in the store alone: the transaction the route runs, without HTTP, auth or the audit record.
    const other = await draft();
    record(
      "number in the store (transaction)",
      await time(() => store.transact(org.id, (tx) => tx.quotes.issue(org.id, other.id))),
    );
    record(
      "issue (POST …/issue, whole route)",
      await time(async () =>
        expect(await app.request(`/v1/quotes/${quote.id}/issue`, asSession(s, "POST")), 200),
      ),
    );
    record(
      "PDF (GET …/document?format=pdf)",
      await time(async () => {
        const r = await expect(
          await app.request(`/v1/quotes/${quote.id}/document?format=pdf`, asSession(s)),
          200,
        );
        await r.arrayBuffer();
      }),
    );
    // As the quote screen meets it: the advice and the cost chart asked when the screen opened, the agent
    // clicking "Issue quote" a moment later; the issue's wall time includes waiting behind them.
    const onScreen = await draft();
    const opened = performance.now();
    const cpuAtOpen = process.cpuUsage();
    let answered = 0;
    const screen = [
      app.request("/v1/advice", asSession(s, "POST", advice)),
      app.request("/v1/advice/costs", asSession(s, "POST", advice)),
    ].map(async (request) => {
      const response = await request;
      answered = performance.now();
      return response;
    });
    // The click comes 30 ms after the screen opened; a timer fires only when the process is free, as a request
    // arriving on the socket is read only then: the wait is counted from the click, not from the timer.
    await new Promise((resolve) => setTimeout(resolve, 30));
    await expect(await app.request(`/v1/quotes/${onScreen.id}/issue`, asSession(s, "POST")), 200);
    record("issue clicked 30 ms after the screen opened: click → answered (wall only)", {
      wall: performance.now() - opened - 30,
      cpu: Number.NaN,
    });
    for (const r of await Promise.all(screen)) await expect(r, 200);
    const used = process.cpuUsage(cpuAtOpen);
    record("the screen's advice + cost chart, opened → both answered (CPU: with the issue)", {
      wall: answered - opened,
      cpu: (used.user + used.system) / 1000,
    });
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const f = (x: number) => (Number.isNaN(x) ? "—" : x.toFixed(1));
  console.log(
    `${database}, ${runs} runs, load ${(await import("node:os")).loadavg()[0]?.toFixed(1)}`,
  );
  console.log("| phase | wall ms median / max | CPU ms median / max |");
  console.log("| --- | ---: | ---: |");
  for (const [phase, { wall, cpu }] of samples)
    console.log(
      `| ${phase} | ${f(median(wall))} / ${f(Math.max(...wall))} | ${f(median(cpu))} / ${f(Math.max(...cpu))} |`,
    );
} finally {
  await store.close();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
}
