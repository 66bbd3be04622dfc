// The JSON Schemas in docs/ are generated from the zod schemas (`npm run schemas`) and describe what calwise
// really prints: outputs of the engine and of the CLI are validated against the committed files themselves.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { appJsonSchemas, resolveDeploymentDocument } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import { evaluateDeployment, listCatalog, parseDocumentText } from "@calwise/core";
import { fileJsonSchemas, loadDeploymentDocument } from "@calwise/node-files";
import { z } from "zod";
import { root, runCli } from "./cli/run-cli.ts";

const docs = join(root, "docs");
/** Every schema calwise publishes: its files as written (node-files), the core's outputs, the app's outputs. */
const published: Readonly<Record<string, unknown>> = { ...fileJsonSchemas(), ...appJsonSchemas() };
const committed = (name: string): unknown =>
  JSON.parse(readFileSync(join(docs, `${name}.schema.json`), "utf8"));
/** A validator built from the committed JSON Schema file, not from the zod schema it was generated from. */
const validatorOf = (name: string) => z.fromJSONSchema(committed(name) as never);
/** The standard output a golden file recorded (`exit N`, `--- stdout`, …, `--- stderr`, …). */
const goldenStdout = (file: string): unknown => {
  const text = readFileSync(join(root, "test/examples/golden", file), "utf8");
  const start = text.indexOf("--- stdout\n") + "--- stdout\n".length;
  const end = text.indexOf("--- stderr");
  return JSON.parse(text.slice(start, end === -1 ? undefined : end));
};
const assertValid = (name: string, value: unknown, what: string) => {
  const parsed = validatorOf(name).safeParse(value);
  assert.ok(
    parsed.success,
    `${what} does not match docs/${name}.schema.json: ${parsed.error?.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".")}: ${i.message}`)
      .join("; ")}`,
  );
};

test("docs/*.schema.json match the schemas in the code (run `npm run schemas` after changing them)", () => {
  for (const [file, schema] of Object.entries(published)) {
    const onDisk = JSON.parse(readFileSync(join(docs, file), "utf8"));
    assert.deepEqual(onDisk, schema, `docs/${file} is stale`);
  }
  const onDisk = readdirSync(docs).filter((f) => f.endsWith(".schema.json"));
  assert.deepEqual(
    onDisk.sort(),
    Object.keys(published).sort(),
    "a docs/*.schema.json that no schema generates",
  );
});

test("every conformance result validates against docs/evaluation-result.schema.json", () => {
  const catalog = loadCatalog();
  const dir = join(root, "test/conformance");
  let checked = 0;
  for (const file of readdirSync(dir).filter((f) => /^[TE]\d+.*\.yaml$/.test(f))) {
    const parsed = parseDocumentText(readFileSync(join(dir, file), "utf8"));
    if ("problems" in parsed) throw new Error(`${file}: ${parsed.problems[0]?.message}`);
    const fixture = parsed.document.data as {
      variants: { deployment: unknown; expect: { inputError?: string } }[];
    };
    for (const [i, v] of fixture.variants.entries()) {
      if (v.expect.inputError !== undefined) continue;
      const read = loadDeploymentDocument({ name: join(dir, file), data: v.deployment });
      const deployment = resolveDeploymentDocument(read.deployment, catalog, read.prices);
      const result = JSON.parse(JSON.stringify(evaluateDeployment(deployment, catalog)));
      assertValid("evaluation-result", result, `${file} variant ${i + 1}`);
      checked++;
    }
  }
  assert.ok(checked >= 30, `only ${checked} conformance results checked`);
});

test("the examples' --json outputs validate against their JSON Schemas", () => {
  assertValid(
    "evaluation-result",
    goldenStdout("evaluate-contoso.json"),
    "evaluate contoso --json",
  );
  assertValid(
    "evaluation-result",
    goldenStdout("evaluate-sbs-75-users.json"),
    "evaluate sbs-75-users --json",
  );
  assertValid("quote", goldenStdout("quote-muller-lodz.json"), "quote muller-lodz --json");
  assertValid("edition-advice", goldenStdout("advise-32-users.json"), "advise --json");
  assertValid("catalog-listing", goldenStdout("catalog.json"), "catalog --json");
  assertValid("catalog-listing", listCatalog(loadCatalog()), "listCatalog");
});

test("the JSON Schemas refuse what calwise never prints", () => {
  const result = goldenStdout("evaluate-contoso.json") as { findings: object[] };
  const finding = { ...result.findings[0], code: "NOT_A_FINDING" };
  assert.equal(
    validatorOf("evaluation-result").safeParse({ ...result, findings: [finding] }).success,
    false,
  );
  assert.equal(validatorOf("evaluation-result").safeParse({ ...result, extra: 1 }).success, false);
  const quote = goldenStdout("quote-muller-lodz.json") as Record<string, unknown>;
  assert.equal(validatorOf("quote").safeParse({ ...quote, schemaVersion: 2 }).success, false);
  assert.equal(validatorOf("quote").safeParse({ ...quote, total: 12.5 }).success, false);
  const advice = goldenStdout("advise-32-users.json") as Record<string, unknown>;
  const { ruledOut: _, ...withoutRuledOut } = advice;
  assert.equal(validatorOf("edition-advice").safeParse(withoutRuledOut).success, false);
});

test("calwise schema prints each committed schema and lists them all when the name is unknown", () => {
  const quote = runCli(["schema", "quote"]);
  assert.equal(quote.code, 0, quote.stderr);
  assert.deepEqual(JSON.parse(quote.stdout), committed("quote"));
  const unknown = runCli(["schema", "nope"]);
  assert.equal(unknown.code, 2);
  for (const name of [
    "deployment",
    "price-list",
    "evaluation-result",
    "quote",
    "edition-advice",
    "catalog-listing",
    "audit-result",
    "evidence-record",
  ])
    assert.match(unknown.stderr, new RegExp(`\\b${name}\\b`));
});
