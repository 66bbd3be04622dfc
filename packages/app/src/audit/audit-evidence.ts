import type { Catalog } from "@calwise/core";
import { EventDeduplicator } from "@calwise/evidence";
import { evaluateUntilProven } from "../evaluate-until-proven.ts";
import { applyAuditWindow } from "./apply-audit-window.ts";
import { AuditReading } from "./audit-reading.ts";
import { type AuditReport, completeAuditReport } from "./audit-report.ts";
import type { AuditRequest } from "./audit-request.ts";
import type { AuditResult } from "./audit-result-schema.ts";
import { buildAuditDeployment } from "./build-audit-deployment.ts";
import { buildAuditTrail } from "./build-audit-trail.ts";
import { checkOwnedDeployment } from "./check-owned-deployment.ts";
import { createAuditLedger } from "./create-audit-ledger.ts";
import { detectAuditSources } from "./detect-audit-sources.ts";
import { evaluateAuditDeployment } from "./evaluate-audit-deployment.ts";
import { InventoryIndex } from "./inventory-index.ts";
import { readAuditEvidence } from "./read-audit-evidence.ts";
import { readAuditInventory } from "./read-audit-inventory.ts";
import { refuseUnrecognisedSources } from "./refuse-unrecognised-sources.ts";

/**
 * The audit use case, as a pipeline of named steps (ARCHITECTURE.md, "The audit pipeline"): detect
 * every source's format, read the AD inventories, then stream the evidence through dedupe into the
 * access ledger, apply the window, build the deployment on top of the owned one, evaluate it with the
 * engine, and attach the evidence trail. Events are reduced to groups of logons as they are read (a
 * row of pre-aggregated accesses is such a group), so memory grows with the distinct logons, not the
 * events. A source in which no record is recognised is refused. It reads no file: sources are
 * ByteSources, the owned deployment is data. Bad records are skipped and reported; a source that
 * cannot be read or recognised at all is bad input (CalwiseError, exit 2).
 */
export async function auditEvidence(request: AuditRequest, catalog: Catalog): Promise<AuditResult> {
  return completeAuditReport(await auditEvidenceForReport(request, catalog));
}

/**
 * The audit use case for a report writer (the CLI): `auditEvidence`'s result with the counted users
 * and devices built as they are written (`AuditReport`), so the largest lists are never held whole.
 */
export async function auditEvidenceForReport(
  request: AuditRequest,
  catalog: Catalog,
): Promise<AuditReport> {
  const accesses = request.accesses ?? [];
  const detected = await detectAuditSources(
    [...request.inventory, ...request.evidence, ...accesses],
    {
      events: new Set(request.evidence),
      ...(request.eventFormat ? { eventFormat: request.eventFormat } : {}),
      mapped: request.fieldMap !== undefined,
      accesses: new Set(accesses),
    },
  );
  const reading = new AuditReading(detected, request.onProgress, request.fieldMap);
  const inventory = new InventoryIndex(request.adminGroups, request.domainAliases);
  await readAuditInventory(detected, inventory, reading);

  const owned = checkOwnedDeployment(request.owned);
  const ledger = createAuditLedger(owned.servers, inventory, request);
  const read = await readAuditEvidence(
    detected,
    reading,
    {
      logonGroup: ledger.recordLogonGroup,
      widenLogonGroup: ledger.widenLogonGroup,
      widenLogonAt: ledger.widenLogonAt,
      directJudge: ledger.directJudge,
      ual: ledger.recordUal,
    },
    { ualServer: request.ualServer, dedupe: new EventDeduplicator(), splitAtMs: ledger.sinceMs },
  );
  ledger.tally.logonEvents += read.logons;
  ledger.tally.duplicates += read.duplicates;

  refuseUnrecognisedSources(reading);

  const windowed = applyAuditWindow(request.since, ledger);
  const built = buildAuditDeployment(owned, windowed, ledger.tally, catalog);
  // Only the evaluate step runs again when a MIP solver can prove a family the engine left open.
  const evaluation = await evaluateUntilProven(
    (options) => evaluateAuditDeployment(built, owned, catalog, options),
    request.loadSolver,
  );
  return buildAuditTrail({
    reading,
    read,
    ledger,
    windowed,
    built,
    evaluation,
    inventory,
    domainAliases: request.domainAliases,
  });
}
