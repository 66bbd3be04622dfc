import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { root, runCli } from "../cli/run-cli.ts";

/**
 * Every example in `examples/` run as the README and the docs run it, checked against a golden output in
 * `test/examples/golden/`: exit code, standard output and standard error. A change to a golden file is a
 * decision named in its commit. `UPDATE_GOLDEN=1 npm run test:unit -- test/examples` rewrites them.
 */
const corpus = join(root, "../shared/corpus/evtx");
const cases: ReadonlyArray<{ readonly name: string; readonly args: readonly string[] }> = [
  { name: "evaluate-contoso.txt", args: ["evaluate", "examples/contoso.yaml"] },
  { name: "evaluate-contoso.json", args: ["evaluate", "examples/contoso.yaml", "--json"] },
  { name: "evaluate-sbs-75-users.txt", args: ["evaluate", "examples/sbs-75-users.yaml"] },
  {
    name: "evaluate-sbs-75-users.json",
    args: ["evaluate", "examples/sbs-75-users.yaml", "--json"],
  },
  { name: "evaluate-muller-lodz.txt", args: ["evaluate", "examples/muller-lodz.yaml"] },
  {
    name: "evaluate-contoso-prices-example.txt",
    args: ["evaluate", "examples/contoso.yaml", "--prices", "examples/prices-example.yaml"],
  },
  { name: "catalog.txt", args: ["catalog"] },
  { name: "catalog.json", args: ["catalog", "--json"] },
  { name: "quote-muller-lodz.md", args: ["quote", "examples/quote-muller-lodz.yaml"] },
  { name: "quote-muller-lodz.json", args: ["quote", "examples/quote-muller-lodz.yaml", "--json"] },
  {
    name: "advise-32-users.txt",
    args: [
      ...["advise", "--users", "32", "--devices", "40", "--shared-devices", "6"],
      ...["--needs", "sql,remote-desktop", "--growth", "10"],
      ...["--price-list", "examples/prices-reseller-2026h2.csv"],
    ],
  },
  {
    name: "advise-32-users.json",
    args: [
      ...["advise", "--users", "32", "--devices", "40", "--shared-devices", "6"],
      ...["--needs", "sql,remote-desktop", "--growth", "10", "--json"],
      ...["--price-list", "examples/prices-reseller-2026h2.csv"],
    ],
  },
  {
    name: "audit-corpus.txt",
    args: [
      ...["audit", "--events", `${corpus}/*.evtx`],
      ...[
        "--inventory",
        "examples/audit/ad-users.csv",
        "--inventory",
        "examples/audit/ad-computers.csv",
      ],
      ...["--owned", "examples/audit/licences.yaml", "--since", "2019-01-01"],
    ],
  },
  {
    name: "audit-corpus.json",
    args: [
      ...["audit", "--events", `${corpus}/*.evtx`],
      ...[
        "--inventory",
        "examples/audit/ad-users.csv",
        "--inventory",
        "examples/audit/ad-computers.csv",
      ],
      ...["--owned", "examples/audit/licences.yaml", "--since", "2019-01-01", "--json"],
    ],
  },
  {
    name: "audit-sentinel.txt",
    args: [
      ...["audit", "--events", "examples/audit/sentinel-security-events.csv"],
      ...[
        "--inventory",
        "examples/audit/ad-users.csv",
        "--inventory",
        "examples/audit/ad-computers.csv",
      ],
      ...["--owned", "examples/audit/licences.yaml"],
    ],
  },
  {
    name: "events-logons.jsonl",
    args: ["events", "packages/evidence/fixtures/events/logons.wevtutil.xml"],
  },
  {
    name: "events-4624-localhost.jsonl",
    args: ["events", `${corpus}/4624-lt3-anonymouslogon-localhost-juicypotato.evtx`],
  },
];

/** The run as one text: exit code, then stdout, then stderr; the corpus path is written as `$CORPUS`. */
function transcript(args: readonly string[]): string {
  const r = runCli(args);
  const clean = (s: string) => s.split(corpus).join("$CORPUS");
  return `exit ${r.code}\n--- stdout\n${clean(r.stdout)}--- stderr\n${clean(r.stderr)}`;
}

for (const c of cases) {
  test(`example output: calwise ${c.args.slice(0, 2).join(" ")} → ${c.name}`, () => {
    const path = join(root, "test/examples/golden", c.name);
    const actual = transcript(c.args);
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(path, actual);
    assert.equal(actual, readFileSync(path, "utf8"), `${c.name} differs from its golden output`);
  });
}

test("example output: the quote PDF's text", () => {
  const dir = mkdtempSync(join(tmpdir(), "calwise-golden-"));
  try {
    const pdf = join(dir, "quote.pdf");
    const r = runCli(["quote", "examples/quote-muller-lodz.yaml", "--pdf", pdf]);
    assert.equal(r.code, 0, r.stderr);
    const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    assert.equal(text.status, 0, text.stderr);
    const path = join(root, "test/examples/golden/quote-muller-lodz.pdf.txt");
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(path, text.stdout);
    assert.equal(text.stdout, readFileSync(path, "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
