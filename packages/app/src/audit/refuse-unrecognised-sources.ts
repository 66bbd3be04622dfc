import { CalwiseError, type InputProblem } from "@calwise/core";
import {
  type EvidenceProblem,
  type EvidenceReadSummary,
  formatEvidenceLocation,
} from "@calwise/evidence";
import type { AuditReading } from "./audit-reading.ts";

/** What the summary of a source says it holds instead: its fields, and why its records were skipped. */
function describeUnrecognised({
  summary: s,
  firstProblem,
}: {
  summary: EvidenceReadSummary;
  firstProblem?: EvidenceProblem;
}): InputProblem {
  const first = firstProblem ?? s.problems[0];
  const skipped =
    s.records === 0
      ? "no record in it"
      : `${s.records} record${s.records === 1 ? "" : "s"} read, ${s.skipped} skipped`;
  return {
    code: "FORMAT",
    path: "",
    file: s.file,
    message: `no record was recognised as ${s.format} (${skipped}${first ? `; first problem at ${formatEvidenceLocation(first)}: ${first.code}: ${first.message}` : ""})`,
    ...(first?.expected ? { expected: first.expected } : {}),
    received:
      s.fields !== undefined && s.fields.length > 0
        ? `fields ${s.fields.join(", ")}`
        : "no fields calwise could name",
  };
}

/** A source whose logons carry no logon type: the fields looked for, and those it has. */
function describeWithoutLogonType({
  summary: s,
  columns,
  in: where,
}: AuditReading["withoutLogonType"][number]): InputProblem {
  const logons = s.eventIds["4624"] ?? 0;
  const read = `${logons} logon${logons === 1 ? "" : "s"} (4624) read as ${s.format}`;
  const names = columns.join(" or ");
  return where === "header"
    ? {
        code: "CSV_MISSING_COLUMN",
        path: "",
        file: s.file,
        message: `${read}, and the header has no ${names} column`,
        expected: `a ${names} column`,
        received: `fields ${(s.fields ?? []).join(", ")}`,
      }
    : {
        code: "FORMAT",
        path: "",
        file: s.file,
        message: `${read}, and none has a logon type in ${names}`,
        expected: `${names}: a logon type such as 3 in some logons`,
        received: `fields ${(s.fields ?? []).join(", ")}`,
      };
}

/**
 * The check after reading: a source in which no record was recognised (a SIEM export whose fields
 * are not the ones its format names, an empty export, a CSV whose header was refused) is bad input
 * (CalwiseError INPUT_UNREADABLE, exit 2, naming the fields found), never an audit with 0 accesses; so
 * is an export whose logons carry no logon type (a CSV without the column, a JSON export in which no
 * logon has one): its logons would all be skipped, the audit "compliant".
 */
export function refuseUnrecognisedSources(reading: AuditReading): void {
  const n = reading.unrecognised.length;
  if (n > 0)
    throw new CalwiseError(
      "INPUT_UNREADABLE",
      `${n} evidence file${n === 1 ? " holds" : "s hold"} no record calwise recognises: name the fields with --field-map, or check --format`,
      reading.unrecognised.map(describeUnrecognised),
    );
  const m = reading.withoutLogonType.length;
  if (m > 0)
    throw new CalwiseError(
      "INPUT_UNREADABLE",
      `${m} evidence file${m === 1 ? "'s" : "s'"} logons have no logon type, which decides whether a logon needs a CAL: export the column, or name it with --field-map`,
      reading.withoutLogonType.map(describeWithoutLogonType),
    );
}
