import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadCatalog } from "@calwise/catalog";
import { CalwiseError } from "@calwise/core";
import { scratchDirectory } from "../../../test/scratch-directory.ts";
import { loadQuoteFile } from "./load-quote-file.ts";

const examples = fileURLToPath(new URL("../../../examples/", import.meta.url));
const catalog = loadCatalog();
const root = scratchDirectory("calwise-quote-file-");
const project = join(root, "project");
mkdirSync(project);
for (const file of ["muller-lodz.yaml", "prices-reseller-2026h2.csv"])
  copyFileSync(join(examples, file), join(project, file));
copyFileSync(join(examples, "prices-reseller-2026h2.csv"), join(root, "elsewhere.csv"));
const quote = (name: string, lines: string) => {
  const path = join(project, name);
  writeFileSync(
    path,
    `date: 2026-11-28\ncurrency: EUR\ncustomer: { name: Müller }\nomittedCals: [{ reason: anonymous-only, server: WEB }]\n${lines}`,
  );
  return path;
};

test("quotes the deployment and price lists a quote file names beside it", () => {
  const path = quote(
    "ok.yaml",
    "deployment: muller-lodz.yaml\npriceLists: [prices-reseller-2026h2.csv]\n",
  );
  const { quote: q, priceList } = loadQuoteFile(path, catalog, { today: "2026-12-01" });
  assert.equal(q.date, "2026-11-28");
  assert.equal(priceList.source, join(project, "prices-reseller-2026h2.csv"));
  assert.ok(q.total > 0);
});

test("refuses a quote naming ../../etc/passwd as its deployment, at the file, line and column", () => {
  const path = quote("escape.yaml", "deployment: ../../etc/passwd\n");
  assert.throws(
    () => loadQuoteFile(path, catalog, { today: "2026-12-01" }),
    (e: unknown) =>
      e instanceof CalwiseError &&
      e.code === "INPUT_INVALID" &&
      e.problems.length === 1 &&
      e.problems[0]?.code === "PATH_OUTSIDE" &&
      e.problems[0]?.file === path &&
      e.problems[0]?.line === 5 &&
      e.problems[0]?.column === 13,
  );
});

test("refuses a price list outside the quote's folder unless it is given on the command line", () => {
  const path = quote(
    "lists.yaml",
    "deployment: muller-lodz.yaml\npriceLists: [../elsewhere.csv]\n",
  );
  assert.throws(
    () => loadQuoteFile(path, catalog, { today: "2026-12-01" }),
    (e: unknown) =>
      e instanceof CalwiseError &&
      e.problems[0]?.path === "priceLists[0]" &&
      e.problems[0]?.line === 6,
  );
  const given = quote("given.yaml", "deployment: muller-lodz.yaml\n");
  const { priceList } = loadQuoteFile(given, catalog, {
    today: "2026-12-01",
    priceListPaths: [join(root, "elsewhere.csv")],
  });
  assert.equal(priceList.source, join(root, "elsewhere.csv"));
});
