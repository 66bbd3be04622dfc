import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { readPriceListCsv } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import {
  buildQuote,
  evaluateDeployment,
  evaluationResultSchema,
  parseDocumentText,
  resolveDeployment,
  validateDatedPriceList,
  validatePriceList,
  validateQuoteRequest,
} from "@calwise/core";
import fc from "fast-check";
import { stringify } from "yaml";
import { root } from "../cli/run-cli.ts";
import { fuzzRuns } from "./fuzz-runs.ts";
import { mutateText, textMutations } from "./mutate-text.ts";

// Seeded fuzzing of every input document the engine reads (deployment, price list in YAML and CSV, quote
// request): mutated text goes through the same steps as a user's file, and the only acceptable outcomes are
// located problems (exit 2) or an answer that matches its schema (exit 0 or 1). Any exception is a failure,
// and so is a hang (the test's timeout). `npm run fuzz` runs many more cases (FUZZ_RUNS).
const catalog = loadCatalog();
const read = (file: string) => readFileSync(join(root, "examples", file), "utf8");
const data = (file: string) => {
  const parsed = parseDocumentText(read(file));
  if ("problems" in parsed) throw new Error(`${file} does not parse`);
  return parsed.document.data as Record<string, unknown>;
};
const prices = data("prices-example.yaml");
/** The example deployments with their price list inline (data cannot name a file). */
const deployments = ["contoso.yaml", "sbs-75-users.yaml", "muller-lodz.yaml"].map((file) =>
  stringify({ ...data(file), prices }),
);
const quoteRequest = stringify({
  ...data("quote-muller-lodz.yaml"),
  deployment: data("muller-lodz.yaml"),
  priceLists: [],
});
const csvPrices = read("prices-reseller-2026h2.csv");
const timeout = 10 * 60 * 1000;

/** Runs `check` on the outcome and fails with the mutated text when anything throws. */
function survives(text: string, step: (text: string) => void): void {
  try {
    step(text);
  } catch (error) {
    assert.fail(
      `threw on a mutated document: ${error instanceof Error ? error.stack : String(error)}\n--- text (first 2000 characters)\n${text.slice(0, 2000)}`,
    );
  }
}

function evaluateText(text: string): void {
  const parsed = parseDocumentText(text);
  if ("problems" in parsed) {
    assert.ok(parsed.problems.length > 0);
    return;
  }
  const resolved = resolveDeployment(parsed.document.data, catalog);
  if (!resolved.success) {
    assert.ok(resolved.problems.every((p) => p.code && p.message));
    return;
  }
  evaluationResultSchema.parse(
    JSON.parse(JSON.stringify(evaluateDeployment(resolved.value, catalog))),
  );
}

test("fuzz: mutated deployments are refused with problems or evaluated", { timeout }, () => {
  fc.assert(
    fc.property(fc.constantFrom(...deployments), textMutations, (seed, mutations) =>
      survives(mutateText(seed, mutations), evaluateText),
    ),
    { numRuns: fuzzRuns(150) },
  );
});

test("fuzz: mutated YAML price lists are refused with problems or read", { timeout }, () => {
  const seed = read("prices-example.yaml");
  fc.assert(
    fc.property(textMutations, (mutations) =>
      survives(mutateText(seed, mutations), (text) => {
        const parsed = parseDocumentText(text);
        if ("document" in parsed) validatePriceList(parsed.document.data);
      }),
    ),
    { numRuns: fuzzRuns(150) },
  );
});

test("fuzz: mutated CSV price lists are refused with located problems or read", { timeout }, () => {
  fc.assert(
    fc.property(textMutations, (mutations) =>
      survives(mutateText(csvPrices, mutations), (text) => {
        const read = readPriceListCsv(text, "prices.csv");
        for (const p of read.problems) assert.ok(p.line === undefined || p.line >= 1);
        for (const list of read.lists) validateDatedPriceList(list);
      }),
    ),
    { numRuns: fuzzRuns(150) },
  );
});

test("fuzz: mutated quote requests are refused with problems or quoted", { timeout }, () => {
  const list = readPriceListCsv(csvPrices, "prices.csv").lists[0];
  assert.ok(list, "the example CSV holds a price list");
  fc.assert(
    fc.property(textMutations, (mutations) =>
      survives(mutateText(quoteRequest, mutations), (text) => {
        const parsed = parseDocumentText(text);
        if ("problems" in parsed) return;
        const request = validateQuoteRequest(parsed.document.data);
        if (!request.success) return;
        const quote = buildQuote(request.value, catalog, list);
        if (quote.success) assert.ok(Number.isSafeInteger(quote.value.total));
      }),
    ),
    { numRuns: fuzzRuns(100) },
  );
});
