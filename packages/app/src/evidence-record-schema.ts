import { z } from "zod";
import { evidenceLocationSchema } from "./audit/evidence-schemas.ts";
import type { Frozen } from "./frozen.ts";

const count = z.number().int().min(0);

const eventRecord = z
  .strictObject({
    file: z.string(),
    record: z
      .number()
      .int()
      .nullable()
      .describe("System/EventRecordID; null when the format lacks it"),
    line: z.number().int().min(1).optional().describe("text formats: the line the event starts on"),
    time: z.string().describe("System/TimeCreated, ISO 8601 UTC"),
    eventId: z.number().int(),
    channel: z.string(),
    provider: z.string(),
    computer: z.string(),
    data: z.record(z.string(), z.string()).describe("EventData values by Name"),
  })
  .describe("one Windows event (EVTX, event XML or CSV, Winlogbeat)");

const ualRecord = z
  .strictObject({
    format: z.enum(["ual-user-csv", "ual-device-csv"]),
    kind: z.enum(["user", "device"]),
    server: z.string(),
    userName: z.string().optional(),
    ipAddress: z.string().optional(),
    roleName: z.string(),
    productName: z.string(),
    firstSeen: z.string(),
    lastSeen: z.string(),
    activityCount: count,
    tenantIdentifier: z.string(),
    location: evidenceLocationSchema,
  })
  .describe("one User Access Logging record");

const adUserRecord = z
  .strictObject({
    format: z.literal("ad-user-csv"),
    samAccountName: z.string(),
    enabled: z.boolean(),
    distinguishedName: z.string(),
    domain: z.string(),
    userPrincipalName: z.string(),
    sid: z.string(),
    description: z.string(),
    memberOf: z.array(z.string()),
    servicePrincipalNames: z.array(z.string()),
    objectClass: z.string(),
    location: evidenceLocationSchema,
  })
  .describe("one account of a Get-ADUser export");

const adComputerRecord = z
  .strictObject({
    format: z.literal("ad-computer-csv"),
    name: z.string(),
    dnsHostName: z.string(),
    ipv4Address: z.string(),
    ipv6Address: z.string(),
    operatingSystem: z.string(),
    enabled: z.boolean(),
    domain: z.string(),
    location: evidenceLocationSchema,
  })
  .describe("one computer of a Get-ADComputer export");

/**
 * JSON Schema source of one line of `calwise events` (docs/evidence-record.schema.json is generated
 * from it). A line is a stream record, not a document: it carries no schemaVersion; the schema's file
 * name is its version.
 */
export const evidenceRecordSchema = z
  .union([eventRecord, ualRecord, adUserRecord, adComputerRecord])
  .describe("calwise events: one JSON object per line");

/** One record as `calwise events` prints it. */
export type EvidenceRecord = Frozen<z.output<typeof evidenceRecordSchema>>;
