import { stat } from "node:fs/promises";
import { CalwiseError, type Catalog, evaluateDeployment, type InputProblem } from "@calwise/core";
import {
  chooseAuditWindow,
  detectEvidenceFormat,
  EventDeduplicator,
  type EventFormat,
  type EvidenceFormat,
  type EvidenceProblem,
  type EvidenceReadSummary,
  eventFormats,
  readAdInventory,
  readLogonEvents,
  readUalCsv,
  recognisedEventIds,
} from "@calwise/evidence";
// Until the audit takes the owned CALs as data (issue 8, the audit pipeline), it reads the --owned file here.
import { loadDeploymentFile } from "@calwise/node-files";
import type { NamedDocument } from "../named-document.ts";
import { resolveDeploymentDocument } from "../resolve-deployment-document.ts";
import { AccessLedger } from "./access-ledger.ts";
import type { AuditRequest } from "./audit-request.ts";
import type { AuditFileSummary, AuditResult } from "./audit-result.ts";
import { buildAuditDeployment } from "./build-audit-deployment.ts";
import { buildHolderEvidence } from "./build-holder-evidence.ts";
import { InventoryIndex } from "./inventory-index.ts";
import { createLogonTally, recordLogonAccess } from "./record-logon-access.ts";
import { recordUalAccess } from "./record-ual-access.ts";
import { type AuditServer, isServerSkip, ServerDirectory } from "./server-directory.ts";

const problemsKept = 200;

/** Reads the --owned file: a deployment file whose accesses are ignored (servers are optional). */
function readOwnedFile(path: string | undefined): {
  data: Record<string, unknown>;
  document?: NamedDocument;
} {
  if (path === undefined) return { data: {} };
  const { deployment: document, prices } = loadDeploymentFile(path);
  const data = prices ? { ...(document.data as object), prices } : document.data;
  if (data === null || typeof data !== "object" || Array.isArray(data))
    throw new CalwiseError("INPUT_INVALID", `${path} is not a deployment file`, [
      {
        code: "SCHEMA",
        path: "",
        file: path,
        line: 1,
        column: 1,
        message: "expected a mapping with servers and owned",
      },
    ]);
  const { accesses: _, ...rest } = data as Record<string, unknown>;
  return { data: rest, document };
}

/**
 * The audit use case: streams every evidence file (event logs in any format, UAL exports) through the
 * logon rules into distinct (user, device, server) accesses, applies the AD inventory, builds a
 * deployment on top of the --owned file, evaluates it with the real engine, and attaches the evidence
 * behind every counted user and device. Bad records are skipped and reported; a file that cannot be
 * read or recognised at all is bad input (CalwiseError, exit 2).
 */
export async function auditEvidence(request: AuditRequest, catalog: Catalog): Promise<AuditResult> {
  const problems: EvidenceProblem[] = [];
  let problemCount = 0;
  const onProblem = (p: EvidenceProblem) => {
    problemCount++;
    if (problems.length < problemsKept) problems.push(p);
  };
  const all = [...request.inventoryFiles, ...request.evidenceFiles];
  const formats = new Map<string, EvidenceFormat>();
  const refusals: InputProblem[] = [];
  let bytesTotal = 0;
  for (const file of all) {
    const detected = await detectEvidenceFormat(file);
    if (!detected.ok) {
      refusals.push({
        code: detected.unreadable ? "FILE" : "FORMAT",
        path: "",
        file,
        message: detected.message,
      });
      continue;
    }
    formats.set(file, detected.format);
    bytesTotal += (await stat(file)).size;
  }
  if (refusals.length > 0)
    throw new CalwiseError(
      "INPUT_UNREADABLE",
      `${refusals.length} evidence file${refusals.length === 1 ? "" : "s"} could not be read`,
      refusals,
    );
  let bytesRead = 0;
  const onBytesFor = (file: string) => (n: number) => {
    bytesRead += n;
    request.onProgress?.(bytesRead, bytesTotal, file);
  };

  const inventory = new InventoryIndex(request.adminGroups, request.domainAliases);
  const summaries: AuditFileSummary[] = [];
  const summarise = (s: EvidenceReadSummary, problemTotal: number) =>
    summaries.push({
      file: s.file,
      format: s.format,
      records: s.records,
      skipped: s.skipped,
      eventIds: s.eventIds,
      problemCount: problemTotal,
    });
  const inventoryFiles = all.filter((f) =>
    ["ad-user-csv", "ad-computer-csv"].includes(formats.get(f) ?? ""),
  );
  for (const file of inventoryFiles) {
    const before = problemCount;
    const reader = readAdInventory(file, { onProblem, onBytes: onBytesFor(file), keepProblems: 0 });
    for (;;) {
      const next = await reader.next();
      if (next.done) {
        summarise(next.value, problemCount - before);
        break;
      }
      if (next.value.kind === "user") inventory.addUser(next.value.user);
      else inventory.addComputer(next.value.computer);
    }
  }

  const owned = readOwnedFile(request.ownedFile);
  const ownedServers = Array.isArray(owned.data.servers)
    ? (owned.data.servers as { name?: unknown; product?: unknown }[])
        .filter((s) => typeof s?.name === "string")
        .map((s) => ({
          name: s.name as string,
          ...(typeof s.product === "string" ? { product: s.product } : {}),
        }))
    : [];
  const servers = new ServerDirectory(ownedServers, inventory);
  const ledger = new AccessLedger();
  const tally = createLogonTally();
  const dedupe = new EventDeduplicator();
  const sinceMs =
    request.since === undefined ? undefined : Date.parse(`${request.since}T00:00:00Z`);
  const rdsHosts = new Set((request.rdsHosts ?? []).map((s) => s.toLowerCase()));
  const context = { servers, inventory, ledger, tally, sinceMs, rdsHosts };
  const wantedIds = new Set([4624]);
  let eventsRead = 0;
  let ualRecords = 0;
  const usedServers = new Map<string, AuditServer>();

  for (const file of all.filter((f) => !inventoryFiles.includes(f))) {
    const format = formats.get(file) as EvidenceFormat;
    const before = problemCount;
    const options = { onProblem, onBytes: onBytesFor(file), keepProblems: 0 };
    if (eventFormats.has(format)) {
      const reader = readLogonEvents(file, format as EventFormat, {
        ...options,
        eventIds: wantedIds,
      });
      for (;;) {
        const next = await reader.next();
        if (next.done) {
          eventsRead += next.value.records;
          summarise(next.value, problemCount - before);
          break;
        }
        const event = next.value;
        tally.logonEvents++;
        if (!dedupe.isFirst(event.computer, event.channel, event.eventId, event.recordId)) {
          tally.duplicates++;
          continue;
        }
        recordLogonAccess(event, context);
      }
    } else {
      const reader = readUalCsv(file, {
        ...options,
        ...(request.ualServer ? { server: request.ualServer } : {}),
      });
      for (;;) {
        const next = await reader.next();
        if (next.done) {
          summarise(next.value, problemCount - before);
          break;
        }
        ualRecords++;
        recordUalAccess(next.value, context);
      }
    }
  }

  const window = chooseAuditWindow(request.since, tally.newest);
  const startMs = window.start === null ? Number.POSITIVE_INFINITY : Date.parse(window.start);
  const inWindow = ledger.since(startMs);
  for (const r of inWindow) {
    const server = servers.resolve(r.server);
    if (!isServerSkip(server)) usedServers.set(server.name, server);
  }
  for (const name of tally.anonymous.keys()) {
    const server = servers.resolve(name);
    if (!isServerSkip(server)) usedServers.set(server.name, server);
  }
  const built = buildAuditDeployment(owned.data, inWindow, usedServers, tally.anonymous, catalog);
  if ((built.data.servers as unknown[]).length === 0)
    throw new CalwiseError("INPUT_INVALID", "no server to audit", [
      {
        code: "NO_SERVER",
        path: "servers",
        message: `no logon reached a known server${tally.computersNotCounted.size > 0 ? ` (not counted: ${[...tally.computersNotCounted.keys()].slice(0, 5).join(", ")})` : ""}`,
        expected:
          "servers in the --owned file, or server computers in an AD computer inventory (--inventory)",
      },
    ]);
  const deployment = resolveDeploymentDocument(
    { ...owned.document, name: request.ownedFile ?? "<evidence>", data: built.data },
    catalog,
  );
  const evaluation = evaluateDeployment(deployment, catalog);

  const flagsOf = (id: string) => [
    ...(tally.disabled.has(id) ? ["disabled in AD"] : []),
    ...(tally.adminOnly.has(id) ? ["admin-only"] : []),
  ];
  const notes = [...built.notes];
  const otherIds = Object.entries(
    summaries.reduce<Record<string, number>>((acc, s) => {
      for (const [id, n] of Object.entries(s.eventIds))
        if (id !== "4624") acc[id] = (acc[id] ?? 0) + n;
      return acc;
    }, {}),
  );
  const recognised = otherIds.filter(([id]) => recognisedEventIds.has(Number(id)));
  if (recognised.length > 0)
    notes.push(
      `recognised and not counted as access: ${recognised.map(([id, n]) => `${n} × ${id} (${recognisedEventIds.get(Number(id))})`).join("; ")}`,
    );
  if (window.rule === "ninety-days-before-newest" && window.start !== null)
    notes.push(
      "first seen and event counts cover every event read; an access counts when it has an event in the window",
    );
  const toNotes = (m: Map<string, { reason: string; events: number }>) =>
    [...m]
      .map(([id, v]) => ({ id, reason: v.reason, events: v.events }))
      .sort((a, b) => a.id.localeCompare(b.id));
  return {
    schemaVersion: 1,
    window,
    evaluation,
    files: summaries,
    counts: {
      eventsRead,
      logonEvents: tally.logonEvents,
      counted: tally.counted,
      duplicates: tally.duplicates,
      eventsBeforeSince: tally.beforeWindow,
      accessesBeforeWindow: ledger.size - inWindow.length,
      ualRecords,
      skipped: { ...tally.skipped },
      distinctAccesses: inWindow.length,
    },
    computersNotCounted: [...tally.computersNotCounted]
      .map(([computer, v]) => ({ computer, reason: v.reason, events: v.events }))
      .sort((a, b) => a.computer.localeCompare(b.computer)),
    serviceAccounts: toNotes(tally.serviceAccounts),
    adminOnlyAccounts: toNotes(tally.adminOnly),
    disabledAccounts: toNotes(tally.disabled),
    unresolvedAddresses: [...tally.unresolvedAddresses].sort(),
    domainAliases: [
      ...[...(request.domainAliases ?? new Map<string, string>())].map(([alias, domain]) => ({
        alias,
        domain,
        inferred: false,
      })),
      ...[...inventory.inferredAliases].map(([alias, domain]) => ({
        alias,
        domain,
        inferred: true,
      })),
    ],
    holders: buildHolderEvidence(evaluation, built.recordsOfAccess, ledger.files, flagsOf),
    notes,
    problems,
    problemCount,
  };
}
