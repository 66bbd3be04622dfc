import { evaluationResultSchema } from "@calwise/core";
import { logonRuleIds, logonSkipReasons } from "@calwise/evidence";
import { z } from "zod";
import type { Frozen } from "../frozen.ts";
import {
  eventIdCountsSchema,
  evidenceFormatSchema,
  evidenceLocationSchema,
  evidenceProblemSchema,
} from "./evidence-schemas.ts";

const count = z.number().int().min(0);
const isoTime = z.string().describe("ISO 8601 UTC");
const accountNote = z.strictObject({ id: z.string(), reason: z.string(), events: count });

const fileSummary = z
  .strictObject({
    file: z.string(),
    format: z.union([evidenceFormatSchema, z.literal("unknown")]),
    records: count,
    skipped: count,
    eventIds: eventIdCountsSchema,
    problemCount: count,
  })
  .describe("what one evidence or inventory file gave");

const holderEvidence = z
  .strictObject({
    id: z.string(),
    type: z.enum(["user", "device"]),
    firstSeen: isoTime,
    lastSeen: isoTime,
    servers: z.array(z.string()),
    events: count,
    files: z.array(z.string()),
    sample: evidenceLocationSchema.describe("an event that shows it"),
    flags: z.array(z.string()).describe("for users: disabled in AD, admin-only"),
  })
  .describe("the evidence behind one user or device that holds a CAL");

const ruleId = z.enum(logonRuleIds);

const countedHolder = z
  .strictObject({
    id: z.string(),
    type: z.enum(["user", "device"]),
    events: count.describe("logons (and UAL activity) behind its accesses"),
    firstSeen: isoTime,
    lastSeen: isoTime,
    cal: z.boolean().describe("whether the evaluation gave it a CAL of its type"),
    flags: z.array(z.string()).describe("for users: disabled in AD, admin-only"),
    accesses: z.array(
      z.strictObject({
        server: z.string(),
        events: count,
        firstSeen: isoTime,
        lastSeen: isoTime,
        with: z
          .array(z.string())
          .describe("for a user, the devices it came from; for a device, the users who used it"),
      }),
    ),
  })
  .describe("a user or device counted in the window, with its accesses per server");

const notCountedAccount = z
  .strictObject({
    account: z.string().describe("DOMAIN\\name as logged, or the SID when no name"),
    rule: ruleId,
    reason: z.enum(logonSkipReasons),
    events: count,
    servers: z.array(z.string()).describe("the computers that logged them"),
    from: z.array(z.string()).describe("workstations and addresses they came from (the first 10)"),
    fromMore: count.describe("further workstations or addresses not listed"),
    description: z.string(),
  })
  .describe("the logons of one account that one rule did not count");

const logonRuleEntry = z
  .strictObject({
    id: ruleId,
    summary: z.string(),
    sources: z.array(
      z.strictObject({
        label: z.string(),
        by: z.enum(["microsoft", "third-party", "licensing-rules"]),
        title: z.string().optional(),
        url: z.string().optional(),
      }),
    ),
  })
  .describe("a logon rule the report uses, with its sources");

/** JSON Schema source of `calwise audit --json` (docs/audit-result.schema.json is generated from it). */
export const auditResultSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    window: z.strictObject({
      start: isoTime.nullable().describe("first instant counted; null when nothing was read"),
      newest: isoTime.nullable(),
      rule: z.enum(["since-option", "ninety-days-before-newest"]),
      explanation: z.string(),
    }),
    evaluation: evaluationResultSchema,
    files: z.array(fileSummary),
    counts: z.strictObject({
      eventsRead: count,
      logonEvents: count,
      counted: count,
      duplicates: count,
      eventsBeforeSince: count.describe("counted logons (or UAL records) older than --since"),
      accessesBeforeWindow: count.describe(
        "distinct accesses whose last event is before the window",
      ),
      ualRecords: count,
      skipped: z.partialRecord(z.enum(logonSkipReasons), count),
      distinctAccesses: count,
    }),
    computersNotCounted: z.array(
      z.strictObject({ computer: z.string(), reason: z.string(), events: count }),
    ),
    serviceAccounts: z.array(accountNote),
    adminOnlyAccounts: z.array(accountNote),
    disabledAccounts: z.array(accountNote),
    unresolvedAddresses: z.array(z.string()),
    domainAliases: z.array(
      z.strictObject({ alias: z.string(), domain: z.string(), inferred: z.boolean() }),
    ),
    holders: z.array(holderEvidence),
    countedUsers: z.array(countedHolder).describe("every user counted in the window"),
    countedDevices: z.array(countedHolder).describe("every device counted in the window"),
    notCounted: z
      .array(notCountedAccount)
      .describe("logons not counted, by account and the rule that decided"),
    atServer: z
      .array(
        z.strictObject({
          server: z.string(),
          user: z.string(),
          events: count,
          rule: z.literal("server-own-console"),
        }),
      )
      .describe("counted logons at the server itself: the user counted, no device"),
    rules: z.array(logonRuleEntry).describe("the logon rules named in this result"),
    notes: z.array(z.string()),
    problems: z.array(evidenceProblemSchema).describe("the first problems, in reading order"),
    problemCount: count,
  })
  .describe("calwise audit --json");

/** The answer of `calwise audit`: the engine's evaluation of the accesses seen, and the evidence. */
export type AuditResult = Frozen<z.output<typeof auditResultSchema>>;
/** What one evidence or inventory file gave. */
export type AuditFileSummary = AuditResult["files"][number];
/** The evidence behind one user or device that holds a CAL. */
export type HolderEvidence = AuditResult["holders"][number];
/** An account not counted, or counted with a flag, and why. */
export type AccountNote = AuditResult["serviceAccounts"][number];
/** A user or device counted in the window, with its accesses. */
export type CountedHolder = AuditResult["countedUsers"][number];
/** The logons of one account that one rule did not count. */
export type NotCountedEntry = AuditResult["notCounted"][number];
