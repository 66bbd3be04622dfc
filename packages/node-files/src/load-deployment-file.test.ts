import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { evaluateDeploymentDocument } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import { CalwiseError } from "@calwise/core";
import { scratchDirectory } from "../../../test/scratch-directory.ts";
import { loadDeploymentFile } from "./load-deployment-file.ts";

const root = scratchDirectory("calwise-deployment-file-");
const project = join(root, "project");
mkdirSync(project);
const prices =
  "currency: EUR\nitems:\n  - { sku: X, family: ws-cal, version: '2012', type: user, price: 3999 }\n";
writeFileSync(join(root, "shared-prices.yaml"), prices);
writeFileSync(join(project, "prices.yaml"), prices);
const write = (name: string, text: string) => {
  const path = join(project, name);
  writeFileSync(path, text);
  return path;
};
const servers = "servers: [{ name: S1, product: ws2012-standard }]\n";

test("reads the price list a deployment file names beside it", () => {
  const read = loadDeploymentFile(write("beside.yaml", `prices: prices.yaml\n${servers}`));
  assert.equal(read.prices?.items[0]?.price, 3999);
  assert.equal(read.deployment.name, join(project, "beside.yaml"));
});

test("refuses a deployment file naming ../../etc/passwd, at the file, line and column", () => {
  const path = write("escape.yaml", `name: escape\n${servers}prices: ../../etc/passwd\n`);
  assert.throws(
    () => loadDeploymentFile(path),
    (e: unknown) =>
      e instanceof CalwiseError &&
      e.code === "INPUT_INVALID" &&
      e.problems.length === 1 &&
      e.problems[0]?.file === path &&
      e.problems[0]?.line === 3 &&
      e.problems[0]?.column === 9 &&
      e.problems[0]?.path === "prices",
  );
});

test("a price list given on the command line is the user's choice, wherever it is", () => {
  const path = write("escape2.yaml", `${servers}prices: ../shared-prices.yaml\n`);
  assert.throws(() => loadDeploymentFile(path), CalwiseError);
  const read = loadDeploymentFile(path, { priceListPath: join(root, "shared-prices.yaml") });
  assert.equal(read.prices?.items[0]?.sku, "X");
});

test("a bad price list is located in its own file", () => {
  writeFileSync(join(project, "bad.yaml"), "currency: euro\nitems: []\n");
  const path = write("bad-prices.yaml", `${servers}prices: bad.yaml\n`);
  assert.throws(
    () => loadDeploymentFile(path),
    (e: unknown) =>
      e instanceof CalwiseError &&
      e.problems.some(
        (p) => p.file === join(project, "bad.yaml") && p.path === "currency" && p.line === 1,
      ),
  );
});

test("a JSON file read with its accesses as columns evaluates, and is refused, as the same file read whole", () => {
  const catalog = loadCatalog();
  const deployment = (accesses: object[]) =>
    JSON.stringify(
      {
        name: "columns",
        prices: "prices.yaml",
        servers: [{ name: "S1", product: "ws2012-standard" }],
        users: ["U{1..3}"],
        devices: ["PC{1..3}"],
        accesses,
      },
      null,
      2,
    );
  const evaluate = (path: string, accessColumns: boolean) => {
    const read = loadDeploymentFile(path, { accessColumns });
    assert.equal(read.deployment.columns !== undefined, accessColumns);
    try {
      return evaluateDeploymentDocument({ ...read, catalog });
    } catch (error) {
      return error;
    }
  };
  const clean = write(
    "columns.json",
    deployment([
      { user: "U1", device: "PC1", server: "S1" },
      { user: "U2", device: "PC1", server: "S1" },
      { device: "PC3", server: "S1" },
    ]),
  );
  assert.deepStrictEqual(evaluate(clean, true), evaluate(clean, false));
  const wrong = write(
    "columns-wrong.json",
    deployment([
      { user: "U1", device: "PC1", server: "S1" },
      { user: "NOBODY", device: "PC2", server: "S2" },
    ]),
  );
  const refused = evaluate(wrong, true);
  assert.ok(refused instanceof CalwiseError);
  assert.deepStrictEqual(refused.problems, (evaluate(wrong, false) as CalwiseError).problems);
  assert.deepStrictEqual(
    refused.problems.map((p) => [p.path, p.line]),
    [
      ["accesses[1].server", 25],
      ["accesses[1].user", 23],
    ],
  );
});
