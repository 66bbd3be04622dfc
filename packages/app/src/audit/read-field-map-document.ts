import { CalwiseError, validateWithSchema } from "@calwise/core";
import type { EventFieldMap } from "@calwise/evidence";
import { z } from "zod";
import { locateProblems } from "../locate-problems.ts";
import type { NamedDocument } from "../named-document.ts";

const names = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .describe("a column or key name, or a list of them tried in order (the first present wins)")
  .transform((v) => (typeof v === "string" ? [v] : v));

/**
 * A --field-map file (docs/audit.md, "SIEM exports"): our field → the export's column or key names.
 * eventId, time, computer, TargetUserName and LogonType are required (without them no logon can be
 * counted); the other fields may be left out.
 */
export const fieldMapSchema = z.strictObject({
  eventId: names,
  time: names,
  computer: names,
  recordId: names.optional(),
  channel: names.optional(),
  provider: names.optional(),
  TargetUserName: names,
  TargetDomainName: names.optional(),
  TargetUserSid: names.optional(),
  LogonType: names,
  WorkstationName: names.optional(),
  IpAddress: names.optional(),
  LogonProcessName: names.optional(),
  AuthenticationPackageName: names.optional(),
});

/**
 * Reads a parsed --field-map document into the map the readers take; a field that is not one of
 * ours, a required field left out or a name that is not text is bad input (CalwiseError
 * INPUT_INVALID), every problem located in the file.
 */
export function readFieldMapDocument(document: NamedDocument): EventFieldMap {
  const checked = validateWithSchema(fieldMapSchema, document.data);
  if (!checked.success)
    throw new CalwiseError(
      "INPUT_INVALID",
      `the field map ${document.name} is not valid`,
      locateProblems(checked.problems, document),
    );
  const m = checked.value;
  return {
    eventId: m.eventId,
    time: m.time,
    computer: m.computer,
    recordId: m.recordId ?? [],
    channel: m.channel ?? [],
    provider: m.provider ?? [],
    data: {
      TargetUserName: m.TargetUserName,
      TargetDomainName: m.TargetDomainName ?? [],
      TargetUserSid: m.TargetUserSid ?? [],
      LogonType: m.LogonType,
      WorkstationName: m.WorkstationName ?? [],
      IpAddress: m.IpAddress ?? [],
      LogonProcessName: m.LogonProcessName ?? [],
      AuthenticationPackageName: m.AuthenticationPackageName ?? [],
    },
  };
}
