import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { CalwiseError } from "@calwise/core";
import { readDeploymentText } from "./read-deployment-text.ts";

const catalog = loadCatalog();

const base = {
  name: "shop",
  servers: [{ name: "S1", product: "ws2022-standard" }],
  users: ["anna"],
  devices: ["till1"],
  accesses: [{ user: "anna", device: "till1", server: "S1" }],
};

function problemsOf(error: unknown): CalwiseError["problems"] {
  assert.ok(error instanceof CalwiseError, String(error));
  return error.problems;
}

test("reads a YAML deployment and answers its data", () => {
  const yaml =
    "name: shop\nservers:\n  - { name: S1, product: ws2022-standard }\nusers: ['U{1..3}']\n";
  const data = readDeploymentText({ name: "shop.yaml", text: yaml, catalog });
  assert.deepEqual(data.users, ["U{1..3}"]);
  assert.equal(data.name, "shop");
});

test("locates a YAML syntax error and an unknown product by file, line and column", () => {
  assert.throws(
    () => readDeploymentText({ name: "bad.yaml", text: "name: x\nservers: [\n", catalog }),
    (e: unknown) => {
      const [first] = problemsOf(e);
      return (e as CalwiseError).code === "INPUT_UNREADABLE" && first?.file === "bad.yaml";
    },
  );
  const yaml = "name: shop\nservers:\n  - name: S1\n    product: ws2099-standard\n";
  assert.throws(
    () => readDeploymentText({ name: "shop.yaml", text: yaml, catalog }),
    (e: unknown) =>
      problemsOf(e).some(
        (p) => p.file === "shop.yaml" && p.path === "servers[0].product" && p.line === 4,
      ),
  );
});

test("adds an access CSV's rows, with their new users and devices, to the base deployment", () => {
  const csv = "user,device,server,service\nben,till1,S1,\ncara,till2,S1,\nanna,till2,S1,\n";
  const data = readDeploymentText({ name: "accesses.csv", text: csv, base, catalog });
  assert.deepEqual(data.users, ["anna", "ben", "cara"]);
  assert.deepEqual(data.devices, ["till1", "till2"]);
  assert.equal((data.accesses as unknown[]).length, 4);
  assert.deepEqual((data.accesses as unknown[])[2], {
    user: "cara",
    device: "till2",
    server: "S1",
  });
});

test("a CSV row naming an unknown server is located at its cell; nothing is added", () => {
  const csv = "user,server\nben,S1\ncara,S9\n";
  assert.throws(
    () => readDeploymentText({ name: "accesses.csv", text: csv, base, catalog }),
    (e: unknown) =>
      (e as CalwiseError).code === "INPUT_INVALID" &&
      problemsOf(e).some((p) => p.file === "accesses.csv" && p.line === 3 && p.column === 6),
  );
});

test("a CSV without a server column is refused at its header", () => {
  assert.throws(
    () => readDeploymentText({ name: "a.csv", text: "user,device\nben,t1\n", base, catalog }),
    (e: unknown) => problemsOf(e).some((p) => p.code === "CSV_MISSING_COLUMN" && p.line === 1),
  );
});
