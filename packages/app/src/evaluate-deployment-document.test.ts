import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { CalwiseError, type EvaluationResult } from "@calwise/core";
import { deploymentData, priceList } from "./app-test-data.ts";
import { evaluateDeploymentDocument } from "./evaluate-deployment-document.ts";

const catalog = loadCatalog();

test("evaluates a deployment given as data, with its price list inline", () => {
  const result = evaluateDeploymentDocument({
    deployment: { name: "request body", data: { ...deploymentData, prices: priceList } },
    catalog,
  });
  assert.equal(result.compliant, false);
  assert.deepEqual(skusBought(result), [["CAL-D", 1]]);
});

test("a price list passed in replaces the deployment's own", () => {
  const dearDevices = {
    ...priceList,
    items: priceList.items.map((i) => (i.sku === "CAL-D" ? { ...i, price: 9000 } : i)),
  };
  const result = evaluateDeploymentDocument({
    deployment: { name: "request body", data: { ...deploymentData, prices: priceList } },
    catalog,
    prices: dearDevices,
  });
  assert.deepEqual(skusBought(result), [["CAL-U", 2]]);
});

test("problems are located by the document's own locator and named after it", () => {
  const data = { ...deploymentData, users: ["alice"] };
  assert.throws(
    () =>
      evaluateDeploymentDocument({
        deployment: {
          name: "upload.yaml",
          data,
          locate: (path) => ({ line: path.length, column: 7 }),
        },
        catalog,
      }),
    (e: unknown) =>
      e instanceof CalwiseError &&
      e.code === "INPUT_INVALID" &&
      e.problems.some(
        (p) =>
          p.file === "upload.yaml" &&
          p.path === "accesses[1].user" &&
          p.line === p.path.length &&
          p.column === 7 &&
          /unknown user 'bob'/.test(p.message),
      ),
  );
});

function skusBought(result: EvaluationResult): [string, number][] {
  return result.purchases.flatMap((line) =>
    line.packs.map((p): [string, number] => [p.sku, p.count]),
  );
}
