import { deploymentLimits } from "./deployment-limits.ts";
import type { Deployment } from "./deployment-schema.ts";
import { expandRange } from "./expand-range.ts";
import { PrincipalTable } from "./principal-table.ts";
import type { ResolvedDevice, ResolvedUser } from "./resolved-deployment.ts";

/** The declared users and devices as tables (`PrincipalTable`), ranges kept as ranges. */
export interface PrincipalTables {
  readonly users: PrincipalTable<ResolvedUser>;
  readonly devices: PrincipalTable<ResolvedDevice>;
}

const rangePattern = /^(.*)\{(\d+)\.\.(\d+)\}(.*)$/;

/**
 * Declares one name or range (`expandRange`'s syntax); false when it is a problem or, unless `byNames`,
 * a range the table cannot take exactly. `byNames` declares a range's names one by one.
 */
function declare<T extends { readonly index: number }>(
  table: PrincipalTable<T>,
  id: string,
  flag: boolean,
  byNames: boolean,
): boolean {
  if (!id.includes("{")) return isPlainName(id) && table.addName(id, flag);
  if (byNames) {
    const names = expandRange(id);
    if (names === undefined) return false;
    for (const name of names) if (!table.addName(name, flag)) return false;
    return true;
  }
  const match = rangePattern.exec(id);
  if (match === null) return false;
  const [, prefix = "", from = "", to = "", suffix = ""] = match;
  return table.addRange(prefix, from, to, suffix, flag);
}

/** A name the schema takes as one plain principal: non-empty, no range to expand. */
function isPlainName(name: string): boolean {
  return name.length > 0 && !name.includes("{");
}

/** How many names a declared list's ranges stand for (what `ProblemCollector.expand` counts). */
function rangeNames(ids: readonly (string | { readonly id: string })[]): number {
  let names = 0;
  for (const entry of ids) {
    const id = typeof entry === "string" ? entry : entry.id;
    const match = id.includes("{") ? rangePattern.exec(id) : null;
    if (match !== null) names += Number(match[3]) - Number(match[2]) + 1;
  }
  return names;
}

/**
 * The declared users and devices (then the added ones, plain names declared after them) as tables,
 * the same principals with the same indexes as `resolvePrincipals`; undefined when any name would be a
 * problem there (twice, both a user and a device, a malformed or too large range) or a range is one
 * the tables do not take exactly: the caller then resolves by names, which reports.
 */
export function declarePrincipalTables(
  d: Pick<Deployment, "users" | "devices">,
  addedUsers: readonly string[],
  addedDevices: readonly string[],
): PrincipalTables | undefined {
  if (rangeNames(d.users) + rangeNames(d.devices) > deploymentLimits.maxExpandedNames)
    return undefined;
  return (
    declareTables(d, addedUsers, addedDevices, false) ??
    declareTables(d, addedUsers, addedDevices, true)
  );
}

/** The tables, ranges kept as ranges or (`byNames`) declared name by name. */
function declareTables(
  d: Pick<Deployment, "users" | "devices">,
  addedUsers: readonly string[],
  addedDevices: readonly string[],
  byNames: boolean,
): PrincipalTables | undefined {
  const users = new PrincipalTable<ResolvedUser>(
    (id, index, external): ResolvedUser => ({
      id,
      kind: external ? "external" : "internal",
      index,
    }),
  );
  const devices = new PrincipalTable<ResolvedDevice>(
    (id, index, unattended): ResolvedDevice => ({ id, unattended, index }),
  );
  for (const u of d.users) {
    const spec = typeof u === "string" ? { id: u, kind: "internal" } : u;
    if (!declare(users, spec.id, spec.kind === "external", byNames)) return undefined;
  }
  for (const dv of d.devices) {
    const spec = typeof dv === "string" ? { id: dv, unattended: false } : dv;
    if (!declare(devices, spec.id, spec.unattended, byNames)) return undefined;
  }
  for (const id of addedUsers) if (!isPlainName(id) || !users.addName(id, false)) return undefined;
  for (const id of addedDevices)
    if (!isPlainName(id) || !devices.addName(id, false)) return undefined;
  return { users, devices };
}

/** Whether some name is both a user and a device in the tables (ranges compared by shape). */
export function sharePrincipalName(tables: PrincipalTables): boolean {
  const { users, devices } = tables;
  if (users.mayShareRangeWith(devices)) return true;
  for (const name of users.plainNames()) if (devices.indexOf(name) >= 0) return true;
  for (const name of devices.plainNames()) if (users.indexOf(name) >= 0) return true;
  return false;
}
