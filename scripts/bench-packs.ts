// The pack-purchase section of docs/benchmarks.md: choosePackPurchase checked against brute force on
// every need up to 40 for several pack lists, and timed for needs up to 200,000.
// Standalone: node --import tsx scripts/bench-packs.ts
import { fileURLToPath } from "node:url";
import {
  choosePackPurchase,
  type PackOffer,
} from "../packages/core/src/optimise/packs/choose-pack-purchase.ts";
import { formatCount, formatMs, renderTable, verdict } from "./bench-markdown.ts";
import { median, now } from "./bench-statistics.ts";

interface PackList {
  readonly label: string;
  readonly packs: readonly PackOffer[];
}

const packLists: readonly PackList[] = [
  {
    label: "1/5/10/50 at 40/190/370/1750",
    packs: [
      { id: "1", size: 1, price: 40 },
      { id: "5", size: 5, price: 190 },
      { id: "10", size: 10, price: 370 },
      { id: "50", size: 50, price: 1_750 },
    ],
  },
  {
    label: "1/5/20 at 39/185/700 (SBS suites)",
    packs: [
      { id: "1", size: 1, price: 39 },
      { id: "5", size: 5, price: 185 },
      { id: "20", size: 20, price: 700 },
    ],
  },
  {
    label: "5/10/25 at 210/400/975 (no singles)",
    packs: [
      { id: "5", size: 5, price: 210 },
      { id: "10", size: 10, price: 400 },
      { id: "25", size: 25, price: 975 },
    ],
  },
  {
    label: "7/11/13/97 at 71/109/131/941 (awkward)",
    packs: [
      { id: "7", size: 7, price: 71 },
      { id: "11", size: 11, price: 109 },
      { id: "13", size: 13, price: 131 },
      { id: "97", size: 97, price: 941 },
    ],
  },
];
const bruteForceLimit = 40;
const needs = [10, 100, 1_000, 10_000, 100_000, 200_000];
const timedRuns = 501;

/** What the section found, for the targets summary of bench.ts. */
export interface PackFindings {
  readonly markdown: string;
  readonly targets: readonly (readonly string[])[];
}

/** Cheapest (cost, units, packs) over every count vector, as the unit test does. */
function bruteForce(need: number, packs: readonly PackOffer[]): [number, number, number] {
  let best: [number, number, number] = [Number.POSITIVE_INFINITY, 0, 0];
  const visit = (index: number, cost: number, units: number, count: number) => {
    if (index === packs.length) {
      const better =
        cost < best[0] ||
        (cost === best[0] && (units < best[1] || (units === best[1] && count < best[2])));
      if (units >= need && better) best = [cost, units, count];
      return;
    }
    const pack = packs[index] as PackOffer;
    for (let times = 0; times <= Math.ceil(need / pack.size); times++) {
      visit(index + 1, cost + times * pack.price, units + times * pack.size, count + times);
    }
  };
  visit(0, 0, 0, 0);
  return best;
}

/** Runs the section. */
export function runPackBenchmarks(): PackFindings {
  const exactRows: string[][] = [];
  let allExact = true;
  for (const list of packLists) {
    let checked = 0;
    let exact = 0;
    for (let need = 0; need <= bruteForceLimit; need++) {
      const purchase = choosePackPurchase(need, list.packs);
      const packCount = purchase.packs.reduce((sum, line) => sum + line.count, 0);
      const [cost, units, count] = bruteForce(need, list.packs);
      checked++;
      if (purchase.cost === cost && purchase.units === units && packCount === count) exact++;
    }
    allExact &&= exact === checked;
    exactRows.push([list.label, `0–${bruteForceLimit}`, formatCount(checked), formatCount(exact)]);
  }

  const timeRows: string[][] = [];
  let worstUpTo10k = 0;
  for (const list of packLists) {
    const cells = [list.label];
    for (const need of needs) {
      const first = now();
      choosePackPurchase(need, list.packs);
      const cold = now() - first;
      const durations: number[] = [];
      for (let run = 0; run < timedRuns; run++) {
        const start = now();
        choosePackPurchase(need, list.packs);
        durations.push(now() - start);
      }
      const typical = median(durations);
      if (need <= 10_000) worstUpTo10k = Math.max(worstUpTo10k, typical);
      cells.push(`${formatMs(typical)} (${formatMs(cold)})`);
    }
    timeRows.push(cells);
  }

  const markdown = [
    "## Pack purchase",
    "",
    "`choosePackPurchase` (exact unbounded covering knapsack with the anchor reduction). Exactness: every need",
    `from 0 to ${bruteForceLimit} against brute force over all pack-count vectors, comparing cost, then units, then`,
    "pack count (`choose-pack-purchase.test.ts` asserts the same on random pack lists).",
    "",
    renderTable(["pack list", "needs", "checked", "exact"], exactRows, ["l", "l", "r", "r"]),
    "",
    `Time per call in ms: median of ${timedRuns} calls (the first, cold call in brackets).`,
    "",
    renderTable(["pack list", ...needs.map((need) => `N = ${formatCount(need)}`)], timeRows, [
      "l",
      ...needs.map(() => "r" as const),
    ]),
  ].join("\n");
  return {
    markdown,
    targets: [
      [
        "pack purchase exact against brute force",
        allExact ? "all exact" : "mismatch",
        verdict(allExact),
      ],
      [
        "pack purchase < 1 ms for N ≤ 10,000 (median)",
        `${formatMs(worstUpTo10k)} ms worst`,
        verdict(worstUpTo10k < 1),
      ],
    ],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(runPackBenchmarks().markdown);
}
