import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import type { EvaluationResult } from "@calwise/core";
import fc from "fast-check";
import type { AccessLedger } from "./access-ledger.ts";
import { applyAuditWindow } from "./apply-audit-window.ts";
import type { HolderEvidence } from "./audit-result-schema.ts";
import { type AuditDeployment, buildAuditDeployment } from "./build-audit-deployment.ts";
import { buildHolderEvidence } from "./build-holder-evidence.ts";
import { checkOwnedDeployment } from "./check-owned-deployment.ts";
import { createAuditLedger } from "./create-audit-ledger.ts";
import { evaluateAuditDeployment } from "./evaluate-audit-deployment.ts";
import { type HolderRanks, rankHolders } from "./holder-ranks.ts";
import { InventoryIndex } from "./inventory-index.ts";
import { sortDistinctTexts } from "./sort-distinct-texts.ts";
import { recordGenerated } from "./testing/record-generated.ts";

const catalog = loadCatalog();

/**
 * The former builder, kept as the oracle: every holder's evidence built whole into an array (each
 * holder's accesses copied per family), then sorted by rank (a stable sort).
 */
function formerHolderEvidence(
  evaluation: EvaluationResult,
  built: Pick<AuditDeployment, "recordOfAccess" | "pairedDeviceRecord">,
  ledger: AccessLedger,
  flagsOf: (userId: string) => string[],
  ranks: HolderRanks,
): HolderEvidence[] {
  const byType = { user: new Map<string, number[]>(), device: new Map<string, number[]>() };
  for (const family of evaluation.families)
    for (const h of family.holders) {
      const accesses = byType[h.type].get(h.id);
      if (accesses === undefined) byType[h.type].set(h.id, [...h.accesses]);
      else accesses.push(...h.accesses);
    }
  const out: HolderEvidence[] = [];
  for (const type of ["user", "device"] as const) {
    const listed: HolderEvidence[] = [];
    for (const [id, accesses] of byType[type]) {
      const list: number[] = [];
      for (const a of new Set(accesses)) {
        const record = built.recordOfAccess[a];
        if (record === undefined) continue;
        const device = built.pairedDeviceRecord.get(a);
        for (const r of device === undefined ? [record] : [record, device])
          if ((type === "user" ? ledger.user(r) : ledger.device(r)) === id && !list.includes(r))
            list.push(r);
      }
      if (list.length === 0) continue;
      let first = list[0] as number;
      let last = first;
      let events = 0;
      const files = new Set<number>();
      for (const r of list) {
        if (ledger.firstMs(r) < ledger.firstMs(first)) first = r;
        if (ledger.lastMs(r) > ledger.lastMs(last)) last = r;
        events += ledger.events(r);
        for (const f of ledger.fileIndexes(r)) files.add(f);
      }
      listed.push({
        id,
        type,
        firstSeen: ledger.firstSeen(first),
        lastSeen: ledger.lastSeen(last),
        servers: sortDistinctTexts(list.map((r) => ledger.server(r))),
        events,
        files: [...files].sort((a, b) => a - b).map((f) => ledger.files[f] ?? ""),
        sample: ledger.sample(first),
        flags: type === "user" ? flagsOf(id) : [],
      });
    }
    const rankOf = ranks[type];
    listed.sort((a, b) => (rankOf.get(a.id) as number) - (rankOf.get(b.id) as number));
    out.push(...listed);
  }
  return out;
}

/** A logon: user, device, server, day, file; or a UAL record of a user or of an address. */
const logon = fc.record({
  kind: fc.constantFrom("logon", "logon", "logon", "ual-user", "ual-device"),
  user: fc.constantFrom("ann", "bob", "Ann", "cy", "dee"),
  device: fc.constantFrom("PC01", "PC02", "pc01", "KIOSK"),
  server: fc.constantFrom("FS1", "FS2", "APP1"),
  day: fc.integer({ min: 1, max: 20 }),
  file: fc.constantFrom("a.ndjson", "b.ndjson"),
});

test("holder evidence: the trail built as it is read is the former array, entry for entry", () => {
  fc.assert(
    fc.property(
      fc.array(logon, { minLength: 1, maxLength: 40 }),
      fc.constantFrom("user", "device", "mixed"),
      (logons, cheaper) => {
        const owned = checkOwnedDeployment({
          name: "owned.yaml",
          data: {
            servers: ["FS1", "FS2", "APP1"].map((name) => ({ name, product: "ws2019-standard" })),
            prices: {
              name: "p",
              currency: "USD",
              items: ["user", "device"].map((type) => ({
                sku: `WS-${type}`,
                family: "ws-cal",
                version: "2019",
                type,
                price: type === cheaper ? 100 : cheaper === "mixed" ? 100 : 150,
              })),
            },
          },
        });
        const audit = createAuditLedger(owned.servers, new InventoryIndex(), {});
        for (const [i, l] of logons.entries()) recordGenerated(audit, l, i);
        const windowed = applyAuditWindow(undefined, audit);
        let built: AuditDeployment;
        try {
          built = buildAuditDeployment(owned, windowed, audit.tally, catalog);
        } catch {
          return; // no server reached: no trail
        }
        const evaluation = evaluateAuditDeployment(built, owned, catalog);
        const ranks = rankHolders(audit.ledger, windowed.inWindow);
        const flagsOf = (id: string) => (id.endsWith("ann") ? ["admin-only"] : []);
        const expected = formerHolderEvidence(evaluation, built, audit.ledger, flagsOf, ranks);
        const trail = buildHolderEvidence(evaluation, built, audit.ledger, flagsOf, ranks);
        assert.equal(trail.holders.length, expected.length);
        assert.deepEqual([...trail.holders], expected);
        // Read twice (the text report counts, then lists): the same entries.
        assert.deepEqual(trail.holders.toJSON(), expected);
        for (const type of ["user", "device"] as const)
          assert.deepEqual(
            [...trail.listed[type]].sort(),
            expected
              .filter((h) => h.type === type)
              .map((h) => h.id)
              .sort(),
          );
      },
    ),
  );
});
