import {
  computerField,
  escapedFields as escapedFoundFields,
  eventIdField,
  findWinlogbeatFields,
  firstDataField,
  foundLength,
  numericFields,
  fieldsFound as scanFound,
} from "../../packages/evidence/src/jsonl/find-winlogbeat-fields.ts";

/**
 * Finds, in one Winlogbeat JSON line, the fields of an access with the product's byte scanner
 * (findWinlogbeatFields, which follows the JSON grammar and keeps only offsets): winlog.event_id,
 * winlog.computer_name and winlog.event_data's TargetUserName, TargetDomainName and WorkstationName.
 *
 * It answers "not sure" (`fieldsUnsure`) instead of guessing whenever the fast reading could differ
 * from JSON.parse: whatever the scanner is unsure of, a numeric event id, a wanted field given as a
 * number. The caller then reads the line with JSON.parse (readAccessByParsing).
 */

/** The line is a logon (event id 4624) with a server and a user: the offsets are filled in. */
export const fieldsFound = 1;
/** A well-formed line that is not an access (another event, or a field missing). */
export const fieldsAbsent = 0;
/** Malformed, or unusual enough that JSON.parse must decide. */
export const fieldsUnsure = -1;

/**
 * Slots of the `found` array: start and end offsets of each field's string content (between the
 * quotes, escapes undecoded), -1 when absent; `escapedFields` has bit f set when field f has escapes.
 */
export const serverField = 0;
export const userField = 1;
export const domainField = 2;
export const deviceField = 3;
export const escapedFields = 8;

/** The scanner's slot of each access field. */
const scannerSlots = [
  computerField,
  firstDataField + 1, // TargetUserName
  firstDataField + 2, // TargetDomainName
  firstDataField + 4, // WorkstationName
];
const scanned = new Int32Array(foundLength);
const logon = [0x34, 0x36, 0x32, 0x34]; // "4624"

/**
 * Reads bytes[start, end) (one line, without its newline) into `found`; returns fieldsFound,
 * fieldsAbsent or fieldsUnsure. bytes[end] must be the line's newline (or lie past the array's end).
 */
export function findWinlogbeatAccess(
  bytes: Uint8Array,
  start: number,
  end: number,
  found: Int32Array,
): number {
  if (findWinlogbeatFields(bytes, start, end, scanned) !== scanFound) return fieldsUnsure;
  const numeric = scanned[numericFields] as number;
  if ((numeric & (1 << eventIdField)) !== 0) return fieldsUnsure;
  let escaped = 0;
  for (let field = 0; field < scannerSlots.length; field++) {
    const slot = scannerSlots[field] as number;
    if ((numeric & (1 << slot)) !== 0) return fieldsUnsure;
    found[2 * field] = scanned[2 * slot] as number;
    found[2 * field + 1] = scanned[2 * slot + 1] as number;
    if (((scanned[escapedFoundFields] as number) & (1 << slot)) !== 0) escaped |= 1 << field;
  }
  found[escapedFields] = escaped;
  const idStart = scanned[2 * eventIdField] as number;
  const idEnd = scanned[2 * eventIdField + 1] as number;
  if (idStart >= 0 && ((scanned[escapedFoundFields] as number) & (1 << eventIdField)) !== 0)
    return fieldsUnsure;
  let isLogon = idStart >= 0 && idEnd - idStart === logon.length;
  for (let offset = 0; isLogon && offset < logon.length; offset++)
    isLogon = bytes[idStart + offset] === logon[offset];
  return isLogon && found[2 * serverField] !== -1 && found[2 * userField] !== -1
    ? fieldsFound
    : fieldsAbsent;
}
