// In-process micro-bench of one evaluation of small deployments (issue 12's load goal needs the engine well
// under a millisecond on the 75-user example): each iteration resolves the document afresh, as
// POST /v1/evaluations does. Times are reported beside a baseline measured in the same run (a JSON round
// trip of the 75-user evaluation's result, which the server does per request anyway), so a loaded machine
// shows in both; times are CPU time of this process. Not part of `npm test`: no timed assertions anywhere.
// Standalone: node --import tsx scripts/bench-evaluate-small.ts [--seconds=2]
// Profile: node --cpu-prof --import tsx scripts/bench-evaluate-small.ts --only=sbs-75-users
import { readFileSync } from "node:fs";
import { evaluateDeploymentDocument } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import { parse } from "yaml";

const root = new URL("..", import.meta.url).pathname;
const catalog = loadCatalog();
const prices = parse(readFileSync(`${root}/examples/prices-example.yaml`, "utf8")) as unknown;

function example(file: string): Record<string, unknown> {
  const deployment = parse(readFileSync(`${root}/examples/${file}`, "utf8")) as Record<
    string,
    unknown
  >;
  return { ...deployment, prices };
}

const sbs = example("sbs-75-users.yaml");
const cases: readonly { readonly name: string; readonly data: Record<string, unknown> }[] = [
  { name: "sbs-75-users", data: sbs },
  { name: "muller-lodz", data: example("muller-lodz.yaml") },
  { name: "contoso", data: example("contoso.yaml") },
  {
    name: "sbs-5-users",
    data: {
      ...sbs,
      name: "five users",
      users: ["office{1..5}"],
      devices: ["pc{1..5}"],
      accesses: [
        { user: "office{1..5}", device: "pc{1..5}", server: "SBS" },
        { user: "office{1..2}", device: "pc{1..2}", server: "PREMIUM", service: "sql" },
      ],
    },
  },
  { name: "sbs-75-users unpriced", data: { ...sbs, prices: undefined } },
];

const args = new Map(
  process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=") as [string, string]),
);
const seconds = Number(args.get("seconds") ?? 2);
const only = args.get("only");

function evaluate(data: Record<string, unknown>) {
  // A deep copy, as if parsed from a request body: nothing is shared between iterations.
  const copy = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  return evaluateDeploymentDocument({ deployment: { name: "bench", data: copy }, catalog });
}

/**
 * Mean milliseconds of this process's CPU time per call over about `budget` seconds, after a short warm-up:
 * CPU time, not wall time, because the machine this runs on is shared and wall time mostly measures the others.
 */
function time(run: () => unknown, budget: number): number {
  const warm = Date.now() + 300;
  while (Date.now() < warm) run();
  let n = 0;
  const start = process.cpuUsage();
  const stop = Date.now() + budget * 1000;
  while (Date.now() < stop || n < 5) {
    run();
    n++;
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / n;
}

const result = evaluate(sbs);
const baseline = time(() => JSON.parse(JSON.stringify(result)), Math.min(1, seconds));
const rows: string[] = [];
rows.push(`baseline (JSON round trip of the 75-user result): ${baseline.toFixed(4)} ms`);
for (const c of cases) {
  if (only && c.name !== only) continue;
  const ms = time(() => evaluate(c.data), seconds);
  rows.push(
    `${c.name.padEnd(24)} ${ms.toFixed(3).padStart(9)} ms CPU/evaluation  ${(ms / baseline).toFixed(1).padStart(8)}× baseline  ${Math.round(1000 / ms)}/s`,
  );
}
process.stdout.write(`${rows.join("\n")}\n`);
