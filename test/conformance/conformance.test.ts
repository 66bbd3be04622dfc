// Runs every conformance fixture (test/conformance/*.yaml): each holds a deployment and the answer
// ../shared/scenarios/conformance.md gives for it. See test/conformance/README.md for the format.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { resolveDeploymentDocument } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import {
  CalwiseError,
  type EvaluationResult,
  evaluateDeployment,
  evaluationResultSchema,
  parseDocumentText,
} from "@calwise/core";
import { loadDeploymentDocument, readTextFile } from "@calwise/node-files";
import { type Expectation, expectationSchema } from "./expectation-schema.ts";

const dir = fileURLToPath(new URL(".", import.meta.url));
const files = readdirSync(dir)
  .filter((f) => /^[TE]\d+.*\.yaml$/.test(f))
  .sort();
const catalog = loadCatalog();

test("conformance scenarios", async (t) => {
  await t.test("has a fixture for every case T1..T30", () => {
    const cases = new Set(files.map((f) => Number(/^T(\d+)/.exec(f)?.[1])));
    for (let n = 1; n <= 30; n++) assert.ok(cases.has(n), `no fixture for T${n}`);
  });
  for (const file of files) {
    const parsed = parseDocumentText(readTextFile(join(dir, file)));
    if ("problems" in parsed) throw new Error(`${file}: ${parsed.problems[0]?.message}`);
    const fixture = parsed.document.data as { case: string; title: string; variants: unknown[] };
    await t.test(`${basename(file, ".yaml")}: ${fixture.title}`, async (t) => {
      for (const [i, variant] of fixture.variants.entries()) {
        const v = variant as { name?: string; deployment: unknown; expect: unknown };
        await t.test(v.name ?? `variant ${i + 1}`, () => {
          const expect = expectationSchema.parse(v.expect);
          // A fixture's deployment is written in the file form: `prices` names a file beside the fixture.
          const resolve = () => {
            const read = loadDeploymentDocument({ name: join(dir, file), data: v.deployment });
            return resolveDeploymentDocument(read.deployment, catalog, read.prices);
          };
          if (expect.inputError !== undefined) {
            const path = expect.inputError;
            assert.throws(
              resolve,
              (e: unknown) =>
                e instanceof CalwiseError &&
                e.code === "INPUT_INVALID" &&
                e.problems.some((p) => p.path === path),
            );
            return;
          }
          const deployment = resolve();
          const result = evaluateDeployment(deployment, catalog);
          evaluationResultSchema.parse(JSON.parse(JSON.stringify(result)));
          check(result, expect);
        });
      }
    });
  }
});

function check(result: EvaluationResult, expect: Expectation): void {
  const errors = result.findings.filter((f) => f.severity === "error").map((f) => f.code);
  if (expect.compliant !== undefined)
    assert.equal(result.compliant, expect.compliant, `compliant; errors: ${errors.join(", ")}`);
  for (const code of expect.findings ?? [])
    assert.ok(
      result.findings.some((f) => f.code === code),
      `expected finding ${code}; got ${result.findings.map((f) => f.code).join(", ")}`,
    );
  for (const code of expect.noFindings ?? [])
    assert.ok(!result.findings.some((f) => f.code === code), `unexpected finding ${code}`);
  for (const [code, n] of Object.entries(expect.findingCounts ?? {}))
    assert.equal(
      result.findings.filter((f) => f.code === code).length,
      n,
      `number of ${code} findings`,
    );
  for (const { code, ...subject } of expect.findingSubjects ?? [])
    assert.ok(
      result.findings.some(
        (f) => f.code === code && Object.entries(subject).every(([k, v]) => f.subject?.[k] === v),
      ),
      `expected ${code} with ${JSON.stringify(subject)}; got ${JSON.stringify(result.findings.map((f) => [f.code, f.subject]))}`,
    );
  for (const [code, pattern] of Object.entries(expect.remedies ?? {}))
    assert.ok(
      result.findings.some((f) => f.code === code && new RegExp(pattern).test(f.remedy ?? "")),
      `expected a ${code} remedy matching /${pattern}/; got ${JSON.stringify(result.findings.map((f) => f.remedy))}`,
    );
  for (const [code, products] of Object.entries(expect.remedyEditions ?? {})) {
    const finding = result.findings.find((f) => f.code === code);
    assert.deepEqual(
      finding?.remedyEditions?.map((e) => e.product),
      products,
      `editions that can serve, named by the ${code} remedy`,
    );
    for (const e of finding?.remedyEditions ?? []) {
      assert.equal(e.rule, "edition-limit", `${e.product}: rule`);
      assert.ok(e.sources.length > 0, `${e.product}: sources`);
    }
  }
  // A purchase never leaves a server over its edition's cap: no CALs are bought for the families it requires.
  for (const f of result.findings.filter((x) => x.remedyEditions !== undefined)) {
    const product = catalog.products.get(f.subject?.product ?? "");
    const families = new Set([
      ...(product?.cals ?? []).map((c) => c.family),
      ...(product?.includedCals ?? []).map((c) => c.family),
    ]);
    assert.ok(
      !result.purchases.some((p) => families.has(p.family)),
      `${f.code}: a purchase for ${[...families].join(", ")} would leave ${f.subject?.server} non-compliant`,
    );
  }
  for (const [server, cores] of Object.entries(expect.licensedCores ?? {}))
    assert.equal(
      result.serverLicences.find((l) => l.server === server)?.cores,
      cores,
      `licensed cores of ${server}`,
    );
  for (const [server, quantity] of Object.entries(expect.serverLicences ?? {}))
    assert.equal(
      result.serverLicences.find((l) => l.server === server)?.quantity,
      quantity,
      `server licences of ${server}`,
    );
  for (const [family, byType] of Object.entries(expect.cals ?? {})) {
    const f = result.families.find((x) => x.family === family);
    for (const type of ["user", "device"] as const) {
      const expected = byType[type] ?? {};
      const actual: Record<string, number> = {};
      for (const h of f?.holders ?? [])
        if (h.type === type) actual[h.version] = (actual[h.version] ?? 0) + 1;
      assert.deepEqual(actual, expected, `${family} ${type} CALs by version`);
    }
  }
  for (const [family, holders] of Object.entries(expect.holders ?? {})) {
    const f = result.families.find((x) => x.family === family);
    const actual = (f?.holders ?? []).map((h) => `${h.type}:${h.id}@${h.version}`).sort();
    assert.deepEqual(actual, [...holders].sort(), `${family} holders`);
  }
  for (const b of expect.buy ?? []) {
    const line = result.purchases.find(
      (p) =>
        p.family === b.family &&
        (b.version === undefined || p.version === b.version) &&
        (b.type === undefined || p.type === b.type) &&
        p.kind === (b.kind ?? "cal") &&
        (b.server === undefined || p.server === b.server),
    );
    assert.ok(
      line,
      `expected a purchase of ${JSON.stringify(b)}; got ${JSON.stringify(result.purchases.map((p) => [p.family, p.version, p.type, p.units]))}`,
    );
    if (b.units !== undefined) assert.equal(line.units, b.units, `units of ${b.family} ${b.type}`);
    if (b.packs !== undefined)
      assert.deepEqual(Object.fromEntries(line.packs.map((p) => [p.sku, p.count])), b.packs);
    if (b.cost !== undefined) assert.equal(line.cost, b.cost);
  }
  if (expect.buyNothing)
    assert.deepEqual(
      result.purchases.filter((p) => p.kind === "cal"),
      [],
      "no CAL purchase",
    );
  if (expect.purchaseTotal !== undefined)
    assert.equal(result.purchaseTotal, expect.purchaseTotal, "purchase total");
  for (const [family, rows] of Object.entries(expect.surplus ?? {})) {
    const f = result.families.find((x) => x.family === family);
    for (const [version, surplus] of Object.entries(rows)) {
      const total = (f?.owned ?? [])
        .filter((o) => o.version === version)
        .reduce((s, o) => s + o.surplus, 0);
      assert.equal(total, surplus, `${family} ${version} surplus`);
    }
  }
  for (const e of expect.exempt ?? []) {
    const found = result.exemptions.some(
      (x) =>
        x.rule === e.rule &&
        (e.server === undefined || x.server === e.server) &&
        (e.who === undefined || x.who === e.who),
    );
    assert.ok(found, `expected exemption ${JSON.stringify(e)}`);
  }
  for (const id of expect.assumptions ?? [])
    assert.ok(
      result.assumptions.some((a) => a.id === id),
      `expected assumption ${id} in the report`,
    );
  for (const f of result.families) {
    assert.ok(
      f.optimisation.certificate.verified,
      `${f.family} certificate: ${f.optimisation.certificate.problems.join("; ")}`,
    );
    if (expect.exact !== false)
      assert.equal(f.optimisation.exactness, "optimal", `${f.family} exactness`);
  }
  if (expect.inputError !== undefined)
    assert.fail("inputError expectations run through expectInputError");
}
