import assert from "node:assert/strict";
import { test } from "node:test";
import { smallTestCatalog } from "../catalog/small-test-catalog.ts";
import type { DeploymentInput } from "../deployment/deployment-schema.ts";
import { resolveDeployment } from "../deployment/resolve-deployment.ts";
import { checkEditionLimits } from "./check-edition-limits.ts";

const catalog = smallTestCatalog();

function findingsOf(input: DeploymentInput, used = new Set<string>()) {
  const resolved = resolveDeployment(input, catalog);
  assert.ok(resolved.success, JSON.stringify(!resolved.success && resolved.problems));
  return checkEditionLimits(resolved.value, catalog, used).map(
    (f) => `${f.code} ${f.subject?.server}: ${f.received} > ${f.expected}`,
  );
}

const users = (n: number, server: string) => ({
  users: [`U{1..${n}}`],
  accesses: [{ user: `U{1..${n}}`, server }],
});

test("WS2012 Foundation serves at most 15 users: 15 pass, 16 do not [R21]", () => {
  const foundation = { name: "F", product: "ws2012-foundation" };
  assert.deepEqual(findingsOf({ servers: [foundation], ...users(15, "F") }), []);
  assert.deepEqual(findingsOf({ servers: [foundation], ...users(16, "F") }), [
    "EDITION_USER_LIMIT F: 16 > at most 15 users",
  ]);
});

test("user accounts declared on the server count even when fewer users are listed", () => {
  assert.deepEqual(
    findingsOf({ servers: [{ name: "F", product: "ws2012-foundation", userAccounts: 20 }] }),
    ["EDITION_USER_LIMIT F: 20 > at most 15 users"],
  );
});

test("WS2012 Foundation runs on one processor [R21]", () => {
  assert.deepEqual(
    findingsOf({ servers: [{ name: "F", product: "ws2012-foundation", processors: 2 }] }),
    ["EDITION_PROCESSOR_LIMIT F: 2 > at most 1 processors"],
  );
});

test("a cap given as an assumption is read from the deployment's assumptions and recorded as used", () => {
  const used = new Set<string>();
  const essentials = {
    servers: [{ name: "E", product: "ws2012-essentials", deviceCount: 51 }],
  };
  assert.deepEqual(findingsOf(essentials, used), [
    "EDITION_DEVICE_LIMIT E: 51 > at most 50 devices",
  ]);
  assert.ok(used.has("essentials-device-cap"));
  assert.deepEqual(
    findingsOf({ servers: [{ name: "E", product: "ws2012-essentials", deviceCount: 50 }] }),
    [],
  );
});

test("server-to-server traffic does not count towards an edition's user cap", () => {
  assert.deepEqual(
    findingsOf({
      servers: [
        { name: "F", product: "ws2012-foundation" },
        { name: "S", product: "ws2012-standard" },
      ],
      users: ["U{1..16}"],
      accesses: [
        { user: "U{1..15}", server: "F" },
        { user: "U16", server: "F", fromServer: "S" },
      ],
    }),
    [],
  );
});

test("a server over its edition's cap names, as data, the editions of its version or later that serve the same load [R1, R21]", () => {
  const serving = (input: DeploymentInput) => {
    const resolved = resolveDeployment(input, catalog);
    assert.ok(resolved.success);
    return checkEditionLimits(resolved.value, catalog, new Set()).map((f) => [
      f.code,
      f.message,
      f.remedyEditions?.map((e) => `${e.product} ${e.rule} ${e.sources.length > 0}`),
    ]);
  };
  const foundation = { name: "F", product: "ws2012-foundation" };
  assert.deepEqual(serving({ servers: [foundation], ...users(16, "F") }), [
    [
      "EDITION_USER_LIMIT",
      "Windows Server 2012 Foundation serves at most 15 users; F has 16",
      [
        "ws2012-standard edition-limit true",
        "ws2012-datacenter edition-limit true",
        "ws2012-essentials edition-limit true",
        "ws2016-standard edition-limit true",
      ],
    ],
  ]);
  // 26 users are past Essentials' cap too, so it is no longer named; no 2008 edition is ever named.
  const over = serving({ servers: [foundation], ...users(26, "F") });
  assert.deepEqual(over[0]?.[2], [
    "ws2012-standard edition-limit true",
    "ws2012-datacenter edition-limit true",
    "ws2016-standard edition-limit true",
  ]);
});
