import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { bytesSource } from "../source/byte-source.ts";
import { drainReader } from "../testing/drain-reader.ts";
import { fileSource } from "../testing/file-source.ts";
import type { AdComputer } from "./ad-computer.ts";
import type { AdUser } from "./ad-user.ts";
import { classifyAdUser } from "./classify-ad-user.ts";
import { inferServerProduct } from "./infer-server-product.ts";
import { readAdInventory } from "./read-ad-inventory.ts";

const example = (name: string) =>
  fileURLToPath(new URL(`../../../../examples/audit/${name}`, import.meta.url));

test("Active Directory exports", async (t) => {
  await t.test("reads Get-ADUser: domain from the DN, groups by CN, SPNs, enabled", async () => {
    const { records, summary } = await drainReader(
      readAdInventory(fileSource(example("ad-users.csv"))),
    );
    assert.equal(summary.format, "ad-user-csv");
    const users = records.map((r) => (r.kind === "user" ? r.user : undefined)) as AdUser[];
    const admin = users.find(
      (u) => u.samAccountName === "Administrator" && u.domain === "threebeesco.com",
    );
    assert.deepEqual(admin?.memberOf, ["Domain Admins", "Administrators"]);
    const lgrove = users.find((u) => u.samAccountName === "lgrove");
    assert.equal(lgrove?.enabled, false);
    const svc = users.find((u) => u.samAccountName === "svc-backup") as AdUser;
    assert.deepEqual(classifyAdUser(svc).service, true);
    assert.equal(classifyAdUser(admin as AdUser).adminOnly, true);
    assert.equal(
      classifyAdUser(users.find((u) => u.samAccountName === "samir") as AdUser).adminOnly,
      false,
    );
  });

  await t.test("reads Get-ADComputer and maps OperatingSystem to catalog products", async () => {
    const { records, summary } = await drainReader(
      readAdInventory(fileSource(example("ad-computers.csv"))),
    );
    assert.equal(summary.format, "ad-computer-csv");
    const computers = records.map((r) =>
      r.kind === "computer" ? r.computer : undefined,
    ) as AdComputer[];
    assert.equal(computers[0]?.dnsHostName, "01566s-win16-ir.threebeesco.com");
    for (const [os, product] of [
      ["Windows Server 2012 R2 Standard", "ws2012r2-standard"],
      ["Windows Server® 2008 R2 Datacenter", "ws2008r2-datacenter"],
      ["Windows Server 2016 Standard Evaluation", "ws2016-standard"],
      ["Windows Server 2019 Standard", "ws2019-standard"],
      ["Windows Server 2022 Datacenter", "ws2022-datacenter"],
      ["Windows Server 2025 Essentials", "ws2025-essentials"],
    ] as const)
      assert.deepEqual(inferServerProduct(os), { kind: "server", product }, os);
    assert.equal(inferServerProduct("Windows Server 2008 R2 Enterprise").kind, "server-unmapped");
    assert.equal(inferServerProduct("Windows Server 2003 Standard").kind, "server-unmapped");
    assert.equal(inferServerProduct("Windows 10 Enterprise").kind, "client");
  });

  await t.test(
    "classifies service accounts by name and description, admins by a configured group",
    () => {
      const base: AdUser = {
        samAccountName: "x",
        enabled: true,
        distinguishedName: "",
        domain: "corp.example",
        userPrincipalName: "",
        sid: "",
        description: "",
        memberOf: [],
        servicePrincipalNames: [],
        objectClass: "user",
        location: { file: "f" },
      };
      assert.equal(classifyAdUser({ ...base, samAccountName: "svc_sql" }).service, true);
      assert.equal(classifyAdUser({ ...base, samAccountName: "backup-svc" }).service, true);
      assert.equal(
        classifyAdUser({ ...base, description: "Service account for the ERP" }).service,
        true,
      );
      assert.equal(classifyAdUser({ ...base, samAccountName: "sven" }).service, false);
      assert.equal(
        classifyAdUser({ ...base, memberOf: ["Server Admins"] }, ["server admins"]).adminOnly,
        true,
      );
      assert.equal(
        classifyAdUser({ ...base, memberOf: ["Domain Admins"] }, ["Server Admins"]).adminOnly,
        false,
      );
    },
  );

  await t.test(
    "reports a MemberOf column that holds the .NET type name once, and skips a row without SamAccountName",
    async () => {
      const text = `"SamAccountName","Enabled","DistinguishedName","MemberOf"\r\n"a","True","CN=a,DC=corp,DC=example","Microsoft.ActiveDirectory.Management.ADPropertyValueCollection"\r\n"","True","",""\r\n"b","True","CN=b,DC=corp,DC=example","Microsoft.ActiveDirectory.Management.ADPropertyValueCollection"\r\n`;
      const { records, summary } = await drainReader(
        readAdInventory(bytesSource("ad-typename.csv", text)),
      );
      assert.equal(records.length, 2);
      assert.deepEqual(
        summary.problems.map((p) => [p.code, p.line]),
        [
          ["CSV_TYPE_NAME_VALUE", 2],
          ["EVENT_BAD_FIELD", 3],
        ],
      );
      assert.match(summary.problems[0]?.message ?? "", /-join ';'/);
    },
  );

  await t.test("refuses a CSV that is neither export", async () => {
    const { summary } = await drainReader(
      readAdInventory(bytesSource("ad-other.csv", '"Foo"\r\n"1"\r\n')),
    );
    assert.equal(summary.problems[0]?.code, "CSV_MISSING_COLUMN");
  });
});
