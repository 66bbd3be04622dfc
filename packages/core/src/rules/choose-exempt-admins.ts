import { ADMIN_SERVICE } from "../deployment/admin-service.ts";
import { readAccessColumns } from "../deployment/read-access-columns.ts";
import type {
  ResolvedAccessColumns,
  ResolvedDeployment,
} from "../deployment/resolved-deployment.ts";

/**
 * Picks, per server (or per customer, by assumption), the at most two admin-only principals that are exempt.
 * Those with no other access anywhere go first, since the exemption saves them a CAL; the rest keep file order.
 * A principal is an access's user, or its device when it names no user.
 * The accesses are read as columns, not as `deployment.accesses`: that list is an object per access, kept
 * by the deployment once made (an audit's deployment has an admin access and millions of others). Other
 * use is looked for only among the admins, so no set of every principal's name is made either.
 */
export function chooseExemptAdmins(
  deployment: ResolvedDeployment,
  usedAssumptions: Set<string>,
): Map<string, Set<string>> {
  const columns = readAccessColumns(deployment);
  // Most deployments have no admin-only access (no record names the service): then nothing is exempt.
  const adminRecords = columns.records.map((r) => r.service === ADMIN_SERVICE);
  if (!adminRecords.includes(true)) return new Map();
  const { accessUser, accessDevice } = deployment.principals;
  const who = (k: number): string | undefined => {
    const user = accessUser[k] as number;
    if (user >= 0) return columns.userIds[user];
    const device = accessDevice[k] as number;
    return device >= 0 ? columns.deviceIds[device] : undefined;
  };
  const recordOf = (k: number) =>
    columns.records[columns.record[k] as number] as ResolvedAccessColumns["records"][number];
  // Per server, its admins in the order first met (the set finds a repeat).
  const adminsByServer = new Map<string, { list: string[]; met: Set<string> }>();
  const admins = new Set<string>();
  for (let k = 0; k < columns.count; k++) {
    if (adminRecords[columns.record[k] as number] !== true) continue;
    const name = who(k);
    if (name === undefined) continue;
    const server = columns.serverNames[columns.server[k] as number] as string;
    let of = adminsByServer.get(server);
    if (of === undefined) {
      of = { list: [], met: new Set() };
      adminsByServer.set(server, of);
    }
    if (!of.met.has(name)) {
      of.met.add(name);
      of.list.push(name);
    }
    admins.add(name);
  }
  const result = new Map<string, Set<string>>();
  if (adminsByServer.size === 0) return result;
  const otherUse = new Set<string>();
  for (let k = 0; k < columns.count && otherUse.size < admins.size; k++) {
    if (adminRecords[columns.record[k] as number] === true) continue;
    if (recordOf(k).fromServer !== undefined) continue;
    const name = who(k);
    if (name !== undefined && admins.has(name)) otherUse.add(name);
  }
  usedAssumptions.add("admin-exemption-scope");
  const rank = (list: string[]) => [
    ...list.filter((w) => !otherUse.has(w)),
    ...list.filter((w) => otherUse.has(w)),
  ];
  if (deployment.assumptions.get("admin-exemption-scope") === "per-customer") {
    const all = rank([...new Set([...adminsByServer.values()].flatMap((a) => a.list))]).slice(0, 2);
    for (const server of adminsByServer.keys()) result.set(server, new Set(all));
  } else
    for (const [server, { list }] of adminsByServer)
      result.set(server, new Set(rank(list).slice(0, 2)));
  return result;
}
