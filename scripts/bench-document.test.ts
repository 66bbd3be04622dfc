import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  type BenchTarget,
  generatedBegin,
  generatedEnd,
  groupTargetsByCase,
  mergeSections,
  readGeneratedSections,
  readSections,
  renderGenerated,
  renderSection,
  renderTargetTables,
  type SectionRun,
  spliceGenerated,
} from "./bench-document.ts";
import { renderVerdict } from "./bench-markdown.ts";

const target = (issue: number, name: string, verdict: string): BenchTarget => ({
  issue,
  target: name,
  measured: `${name} measured`,
  verdict,
});

const section = (name: string, targets: BenchTarget[] = [], markdown = `## ${name}\n\nBody.`) =>
  ({
    name,
    ran: "2026-12-07T04:00:00.000Z",
    minutes: 1.5,
    load: [2, 3],
    command: `npm run bench -- --only=${name}`,
    targets,
    markdown,
  }) satisfies SectionRun;

const hand = [
  "# Measured by hand (history)",
  "",
  "### A helper's section (branch x, 05:00 UTC)",
  "",
  "| a | b |",
  "| --- | ---: |",
  "| <!-- not a marker --> | 1 |",
  "",
  "Trailing spaces kept:   ",
  "",
].join("\n");

test("the splice replaces only the generated part and keeps every byte around it", () => {
  const before = "# Benchmarks\n\nA note above the markers.\n\n";
  const first = renderGenerated("- machine", [section("optimiser")]);
  const document = `${before}${first}\n\n${hand}`;
  const second = renderGenerated("- another machine", [section("packs"), section("optimiser")]);
  const spliced = spliceGenerated(document, second);
  assert.equal(spliced, `${before}${second}\n\n${hand}`);
  assert.ok(spliced.endsWith(hand));
  assert.equal(spliceGenerated(spliced, second), spliced);
});

test("a document without markers gets the generated part under its title, its text kept after", () => {
  const generated = renderGenerated("- machine", [section("packs")]);
  const old = "# Benchmarks\n\nOld text.\n";
  const spliced = spliceGenerated(old, generated);
  assert.ok(spliced.startsWith(`# Benchmarks\n\n${generatedBegin}`));
  assert.ok(spliced.endsWith(`${generatedEnd}\n\nOld text.\n`));
  assert.equal(spliceGenerated(undefined, generated), `# Benchmarks\n\n${generated}\n`);
});

test("a section's metadata and targets come back from its markers, even text that could close a comment", () => {
  const tricky = target(11, "cut --> ends here? <!-- no", "**not met**: a > b");
  const run = section("user-runs", [tricky], "## As a user runs it\n\n| x |\n| --- |\n| 1 |");
  const text = renderSection(run);
  assert.equal(text.split("-->").length, 3, "only the two markers close a comment");
  assert.deepEqual(readSections(`before\n${text}\nafter`), [run]);
});

test("a run keeps the sections it did not run, replaces those it ran, in the file's order", () => {
  const old = [section("server"), section("optimiser"), section("ingest")];
  const fresh = [section("optimiser", [target(5, "new", "met")])];
  const merged = mergeSections(old, fresh, ["optimiser", "ingest", "user-runs", "server"]);
  assert.deepEqual(
    merged.map((run) => run.name),
    ["optimiser", "ingest", "server"],
  );
  assert.deepEqual(merged[0]?.targets, fresh[0]?.targets);
  const document = `# B\n\n${renderGenerated("- m", merged)}\n\n${hand}`;
  assert.deepEqual(readGeneratedSections(document), merged);
});

test("each issue gets one table, worst verdicts first, in the sections' order otherwise", () => {
  const tables = renderTargetTables([
    section("a", [
      target(11, "fast", "met"),
      target(5, "old", "met"),
      target(11, "unmeasured", renderVerdict(undefined, "not run")),
    ]),
    section("b", [target(11, "slow", renderVerdict(false, "time")), target(10, "money", "met")]),
  ]);
  const headings = tables.split("\n").filter((line) => line.startsWith("## "));
  assert.deepEqual(headings, [
    "## Targets (issue 5)",
    "## Targets (issue 10)",
    "## Targets (issue 11)",
  ]);
  const issue11 = tables.slice(tables.indexOf("issue 11"));
  const order = ["slow", "unmeasured", "fast"].map((name) => issue11.indexOf(`| ${name} |`));
  assert.ok(order.every((position) => position > 0));
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  );
});

test("verdicts say met, not met with the reason, or not judged with why", () => {
  assert.equal(renderVerdict(true), "met");
  assert.equal(renderVerdict(false), "**not met**");
  assert.equal(renderVerdict(false, "time (6.5 s)"), "**not met**: time (6.5 s)");
  assert.equal(renderVerdict(undefined, "not run"), "not judged: not run");
});

test("docs/benchmarks.md: its generated sections read back and a re-render keeps the history byte for byte", () => {
  const document = readFileSync(new URL("../docs/benchmarks.md", import.meta.url), "utf8");
  const sections = readGeneratedSections(document);
  assert.ok(sections.length >= 4);
  for (const run of sections) {
    assert.match(run.ran, /^\d{4}-\d\d-\d\dT/);
    for (const row of run.targets)
      assert.ok(row.issue > 0 && row.target !== "" && row.verdict !== "");
  }
  const history = document.slice(document.indexOf(generatedEnd) + generatedEnd.length);
  const spliced = spliceGenerated(document, renderGenerated("- m", sections));
  assert.ok(spliced.endsWith(history));
  assert.equal(readGeneratedSections(spliced).length, sections.length);
});

test("a target measured on several families is one row listing every family, the worst first", () => {
  const rows = groupTargetsByCase([
    target(11, "estate, equal: at least as fast as the baseline", "met"),
    target(
      11,
      "hard, 1.00 / 0.87: at least as fast as the baseline",
      renderVerdict(false, "0.97×"),
    ),
    target(11, "hard, equal, 300,000 pairs: solve ≥ 50× faster than HiGHS", "met"),
    target(11, "estate, equal, 300,000 pairs: solve ≥ 50× faster than HiGHS", "met"),
    target(11, "pack purchase exact", "met"),
    target(11, "only one: proven in < 1 s", "met"),
  ]);
  assert.deepEqual(
    rows.map((row) => [row.target, row.verdict]),
    [
      ["at least as fast as the baseline", "**not met** (1 of 2): 0.97×"],
      ["300,000 pairs: solve ≥ 50× faster than HiGHS", "met (all 2)"],
      ["pack purchase exact", "met"],
      ["only one: proven in < 1 s", "met"],
    ],
  );
  assert.equal(
    rows[0]?.measured,
    "hard, 1.00 / 0.87: hard, 1.00 / 0.87: at least as fast as the baseline measured (**not met**); estate, equal: estate, equal: at least as fast as the baseline measured",
  );
});

test("cases with different reasons keep each its own; a missing reason is not invented", () => {
  const rows = groupTargetsByCase([
    target(12, "SQLite: reads ≥ half", renderVerdict(false, "auth")),
    target(12, "PostgreSQL: reads ≥ half", renderVerdict(false, "pool")),
    target(12, "SQLite: evaluations ≥ 2,000/s", renderVerdict(false)),
    target(12, "PostgreSQL: evaluations ≥ 2,000/s", renderVerdict(false)),
  ]);
  assert.equal(rows[0]?.verdict, "**not met** (2 of 2)");
  assert.match(
    rows[0]?.measured ?? "",
    /\(\*\*not met\*\*: auth\); PostgreSQL: .*\(\*\*not met\*\*: pool\)$/,
  );
  assert.equal(rows[1]?.verdict, "**not met** (2 of 2)");
});
