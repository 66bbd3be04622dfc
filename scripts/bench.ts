// `npm run bench`: runs the benchmarks and writes the generated part of docs/benchmarks.md (between its
// bench:generated markers: the machine, one targets table per issue, then one section each). A run
// replaces only the sections it ran and keeps the others with when and under which load they ran; every
// byte outside the markers (the history measured by hand) is kept (scripts/bench-document.ts).
// Options: --render-only (run nothing, rewrite the tables from the sections in the file); --full (the
// issues' sizes: ingestion over 1.7 GB instead of 100 MB, audits of 400 MB and 1.7 GB as a user runs
// them, HiGHS at every size of the harder families instead of up to 1M pairs); --audit-10gb (with --full:
// a 10 GB audit too, about 10 minutes more on an idle machine); --quick (no HiGHS beyond 300k pairs in both min-cut sections);
// --only=optimiser,hard-families,packs,real-money,ingest,user-runs,server (sections to run);
// --out=<file>; --server-seconds=N (each server load run, default 10); --ingest-mb=N (ingestion over a
// file of about N MB); --user-runs-audit-mb=N,M (the Winlogbeat audits of the user-runs section);
// --user-runs-evaluate=N,M (its `calwise evaluate` estates, in users).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  type BenchTarget,
  mergeSections,
  readGeneratedSections,
  renderGenerated,
  type SectionRun,
  spliceGenerated,
  targetsOfIssue,
} from "./bench-document.ts";
import { runHardFamilyBenchmarks } from "./bench-hard-families.ts";
import { runIngestBenchmarks } from "./bench-ingest.ts";
import { addKnownReason } from "./bench-known-reasons.ts";
import { describeMachine, watchLoad } from "./bench-machine.ts";
import { renderVerdict } from "./bench-markdown.ts";
import { runOptimiserBenchmarks } from "./bench-optimiser.ts";
import { runPackBenchmarks } from "./bench-packs.ts";
import { runRealMoneyBenchmarks } from "./bench-real-money.ts";
import { runServerBenchmarks } from "./bench-server.ts";
import { defaultUserRunOptions, runUserRunBenchmarks } from "./bench-user-runs.ts";

const argv = process.argv.slice(2);
const full = argv.includes("--full");
const quick = argv.includes("--quick");
const option = (name: string) =>
  argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const numbers = (name: string) => option(name)?.split(",").map(Number);
const only = option("only")?.split(",");
const out = resolve(option("out") ?? "docs/benchmarks.md");
// The command as a user would repeat it (where the file went is not part of it).
const shown = argv.filter((arg) => !arg.startsWith("--out="));
const command = ["npm run bench", ...(shown.length > 0 ? ["--", ...shown] : [])].join(" ");
// --render-only: no section runs; the generated part is written again from the sections in the file.
const renderOnly = argv.includes("--render-only");

/** A section: its `--only=` name and how to run it (Markdown and target rows). */
interface Section {
  readonly name: string;
  readonly run: () => Promise<{ markdown: string; targets: readonly BenchTarget[] }>;
}

/** Every section, in the file's order. The issue a section's old-style rows belong to is given here. */
const sections: readonly Section[] = [
  {
    name: "optimiser",
    run: async () => {
      const findings = await runOptimiserBenchmarks(quick);
      return { markdown: findings.markdown, targets: targetsOfIssue(5, findings.targets) };
    },
  },
  {
    name: "hard-families",
    run: async () => {
      // HiGHS up to the targets' 1M pairs by default (at 2M it runs out of memory after minutes).
      const findings = await runHardFamilyBenchmarks({
        highs: true,
        ...(full ? {} : { highsMaxPairs: quick ? 300_000 : 1_000_000 }),
        calMix: true,
      });
      const rows = targetsOfIssue(11, findings.targets);
      return { markdown: findings.markdown, targets: [...rows, ...unmeasuredHighsRows(rows)] };
    },
  },
  {
    name: "packs",
    run: async () => {
      const findings = runPackBenchmarks();
      return { markdown: findings.markdown, targets: targetsOfIssue(5, findings.targets) };
    },
  },
  {
    name: "real-money",
    run: async () => {
      const findings = await runRealMoneyBenchmarks({
        sizes: [1_000, 2_000, 3_000],
        seeds: 5,
        issue: true,
        audit: true,
        mip: true,
      });
      return { markdown: findings.markdown, targets: targetsOfIssue(10, findings.targets) };
    },
  },
  {
    name: "ingest",
    run: async () => {
      // 100 MB by default (the user-runs section audits the issue's 400 MB file), 1.7 GB with --full.
      const megabytes = option("ingest-mb") ?? (full ? undefined : "100");
      const findings = await runIngestBenchmarks(
        full,
        megabytes === undefined ? undefined : Number(megabytes),
      );
      // Its `calwise audit` rows are issue 11's; the reducer's are issue 5's.
      return {
        markdown: findings.markdown,
        targets: findings.targets.flatMap((row) =>
          targetsOfIssue(row[0]?.startsWith("`calwise audit`") ? 11 : 5, [row]),
        ),
      };
    },
  },
  {
    name: "user-runs",
    run: () =>
      runUserRunBenchmarks({
        ...defaultUserRunOptions,
        auditMegabytes:
          numbers("user-runs-audit-mb") ??
          (full ? [400, 1_700, ...(argv.includes("--audit-10gb") ? [10_000] : [])] : [400]),
        evaluateUsers: numbers("user-runs-evaluate") ?? defaultUserRunOptions.evaluateUsers,
      }),
  },
  {
    name: "server",
    run: async () => {
      const findings = await runServerBenchmarks(Number(option("server-seconds") ?? "10"));
      return { markdown: findings.markdown, targets: targetsOfIssue(12, findings.targets) };
    },
  },
];

const fresh: SectionRun[] = [];
for (const section of sections) {
  if (renderOnly || (only !== undefined && !only.includes(section.name))) continue;
  process.stderr.write(`${section.name}\n`);
  const stopWatching = watchLoad();
  const started = Date.now();
  const findings = await section.run();
  fresh.push({
    name: section.name,
    ran: new Date().toISOString(),
    minutes: (Date.now() - started) / 60_000,
    load: stopWatching(),
    command,
    targets: findings.targets,
    markdown: findings.markdown,
  });
}
const existing = existsSync(out) ? readFileSync(out, "utf8") : undefined;
const merged = mergeSections(
  readGeneratedSections(existing),
  fresh,
  sections.map((section) => section.name),
).map((run) => ({ ...run, targets: run.targets.map(addKnownReason) }));
writeFileSync(out, spliceGenerated(existing, renderGenerated(describeMachine(new Date()), merged)));
formatDocument(out);
process.stderr.write(`wrote ${out} (${fresh.map((run) => run.name).join(", ")})\n`);

/**
 * The HiGHS targets (≥ 50× at 300k pairs, ≥ 100× at 1M) of every family the harder-families section ran
 * without HiGHS at that size (--quick, or the default's limit), so the table says they were not measured.
 */
function unmeasuredHighsRows(rows: readonly BenchTarget[]): BenchTarget[] {
  const suffix = ": at least as fast as the textbook push-relabel at every size";
  const families = rows
    .filter((row) => row.target.endsWith(suffix))
    .map((row) => row.target.slice(0, -suffix.length));
  return families.flatMap((family) =>
    (
      [
        ["300,000", 50],
        ["1,000,000", 100],
      ] as const
    )
      .map(([pairs, factor]) => `${family}, ${pairs} pairs: solve ≥ ${factor}× faster than HiGHS`)
      .filter((target) => !rows.some((row) => row.target === target))
      .map((target) => ({
        issue: 11,
        target,
        measured: "HiGHS not run at this size in this run",
        verdict: renderVerdict(
          undefined,
          quick ? "--quick runs HiGHS up to 300k pairs" : "not run",
        ),
      })),
  );
}

/**
 * Aligns the file as the repository's formatter wants it, so `biome ci` passes on the generated file (a
 * file outside the repository is left as written).
 */
function formatDocument(file: string): void {
  try {
    execFileSync(
      process.execPath,
      [resolve("node_modules/@biomejs/biome/bin/biome"), "format", "--write", file],
      { stdio: "ignore" },
    );
  } catch {
    process.stderr.write(`biome did not format ${file}\n`);
  }
}
