import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { auditEvidence } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixtures = join(root, "packages/evidence/fixtures");
const example = (name: string) => join(root, "examples/audit", name);
const inventoryFiles = [example("ad-users.csv"), example("ad-computers.csv")];
const catalog = loadCatalog();
const dir = mkdtempSync(join(tmpdir(), "calwise-audit-use-case-"));

const holdersOf = (r: Awaited<ReturnType<typeof auditEvidence>>) =>
  r.holders.map((h) => `${h.type} ${h.id} ${h.servers.join(",")} ${h.events}`);

describe("auditEvidence", () => {
  it("gives the same position from the XML, CSV and Winlogbeat exports as from the EVTX files", async () => {
    const results = await Promise.all(
      [
        "logons.wevtutil.xml",
        "logons.eventviewer.xml",
        "logons.csv",
        "logons.winlogbeat.ndjson",
      ].map((f) =>
        auditEvidence(
          {
            evidenceFiles: [join(fixtures, "events", f)],
            inventoryFiles,
            ownedFile: example("licences.yaml"),
            since: "2019-01-01",
          },
          catalog,
        ),
      ),
    );
    const [first, ...rest] = results;
    assert.ok(first);
    assert.deepEqual(holdersOf(first), [
      "user EXAMPLE.CORP\\user01 WIN-77LTAPHIQ1R 1",
      "user THREEBEESCO.COM\\lgrove 01566S-WIN16-IR 4",
      "user THREEBEESCO.COM\\samir 01566S-WIN16-IR 2",
    ]);
    for (const r of rest) {
      assert.deepEqual(holdersOf(r), holdersOf(first));
      assert.equal(r.evaluation.purchaseTotal, first.evaluation.purchaseTotal);
    }
  });

  it("pairs UAL users and devices the logs did not show, and lets the optimiser pick the cheaper side", async () => {
    const owned = join(dir, "owned.yaml");
    writeFileSync(
      owned,
      'servers: [{ name: 01566S-WIN16-IR, product: ws2016-standard }]\nprices:\n  currency: USD\n  items:\n    - { sku: U, family: ws-cal, version: "2016", type: user, price: 4400 }\n    - { sku: D, family: ws-cal, version: "2016", type: device, price: 4400 }\n',
    );
    const progress: number[] = [];
    const result = await auditEvidence(
      {
        evidenceFiles: [
          join(fixtures, "ual", "ual-users.csv"),
          join(fixtures, "ual", "ual-devices.csv"),
        ],
        inventoryFiles,
        ownedFile: owned,
        onProgress: (read) => progress.push(read),
      },
      catalog,
    );
    // Users samir, mchen (svc-backup is a service account); devices 02694W-WIN10 and 172.16.66.77.
    assert.deepEqual(
      result.serviceAccounts.map((a) => a.id),
      ["THREEBEESCO.COM\\svc-backup"],
    );
    assert.ok(result.notes.some((n) => /2 users and 2 devices without pairing/.test(n)));
    const ws = result.evaluation.families.find((f) => f.family === "ws-cal");
    assert.equal(ws?.holders.length, 2, "two CALs cover a complete 2 × 2 pairing");
    assert.equal(result.window.newest, "2026-11-20T16:55:02Z");
    assert.ok(progress.length > 0 && progress.at(-1) === progress.toSorted((a, b) => a - b).at(-1));
    for (const h of result.holders) assert.ok(h.sample.file.includes("ual-"), h.id);
  });

  it("names an RD Session Host's remote-interactive logons as RDS access", async () => {
    const owned = join(dir, "rds.yaml");
    writeFileSync(owned, "servers: [{ name: WIN-77LTAPHIQ1R, product: ws2012r2-standard }]\n");
    const log = join(dir, "rdp.ndjson");
    const line = (user: string, record: number) =>
      JSON.stringify({
        "@timestamp": "2026-11-20T08:00:00.000Z",
        winlog: {
          channel: "Security",
          computer_name: "WIN-77LTAPHIQ1R.example.corp",
          event_id: "4624",
          record_id: String(record),
          event_data: {
            TargetUserName: user,
            TargetDomainName: "EXAMPLE",
            LogonType: "10",
            WorkstationName: "WIN-77LTAPHIQ1R",
            IpAddress: "10.0.2.18",
          },
        },
      });
    writeFileSync(log, `${line("user01", 1)}\n${line("user01", 1)}\n`);
    const result = await auditEvidence(
      { evidenceFiles: [log], inventoryFiles, ownedFile: owned, rdsHosts: ["WIN-77LTAPHIQ1R"] },
      catalog,
    );
    assert.equal(result.counts.duplicates, 1);
    const rds = result.evaluation.families.find((f) => f.family === "rds-cal");
    assert.deepEqual(
      rds?.holders.map((h) => h.id),
      ["EXAMPLE.CORP\\user01"],
    );
    // Remote-interactive logons name the server as workstation: the device is the client address,
    // resolved through the AD inventory (10.0.2.18 is PC02).
    assert.ok(
      result.holders.some((h) => h.type === "user") || result.evaluation.families.length > 0,
    );
    assert.equal(result.unresolvedAddresses.length, 0);
  });
});
