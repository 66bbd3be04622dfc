import type { AccessSpec } from "./deployment-schema.ts";

/** The fields an access may have, as the schema's strict object allows them. */
const accessFields = new Set(["user", "device", "server", "service", "via", "fromServer", "note"]);

/**
 * Whether `value` is a list of accesses the schema accepts as they are: plain objects with only the
 * access fields, names non-empty strings, `server` a name or a non-empty list of names, and a user, a
 * device or `fromServer`. The schema's output for such a list equals its input, so resolution takes it
 * without the schema copying hundreds of thousands of records; anything else (including anything the
 * schema would refuse) goes through the schema, which reports it.
 */
export function isPlainAccessList(value: unknown): value is readonly AccessSpec[] {
  if (!Array.isArray(value)) return false;
  for (const access of value) if (!isPlainAccess(access)) return false;
  return true;
}

function isPlainAccess(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  const a = value as Record<string, unknown>;
  for (const key in a) if (!accessFields.has(key)) return false;
  if (!isOptionalName(a.user) || !isOptionalName(a.device)) return false;
  if (!isOptionalName(a.via) || !isOptionalName(a.fromServer)) return false;
  if (!isOptionalText(a.service) || !isOptionalText(a.note)) return false;
  if (!isName(a.server) && !isNameList(a.server)) return false;
  return a.user !== undefined || a.device !== undefined || a.fromServer !== undefined;
}

function isName(value: unknown): boolean {
  return typeof value === "string" && value.length > 0;
}

/** Absent (left out or undefined, as the schema's `optional` allows), or a name. */
function isOptionalName(value: unknown): boolean {
  return value === undefined || isName(value);
}

function isOptionalText(value: unknown): boolean {
  return value === undefined || typeof value === "string";
}

function isNameList(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  for (const name of value) if (!isName(name)) return false;
  return true;
}
