import type { ResolvedAccessColumns, ResolvedDeployment } from "./resolved-deployment.ts";

/**
 * The deployment's accesses as columns: resolution's own, or, for a deployment built without them,
 * made from its `accesses` (each access its own record, servers numbered in order of appearance).
 */
export function readAccessColumns(deployment: ResolvedDeployment): ResolvedAccessColumns {
  if (deployment.accessColumns !== undefined) return deployment.accessColumns;
  const { accesses } = deployment;
  const source = new Int32Array(accesses.length);
  const record = new Int32Array(accesses.length);
  const server = new Int32Array(accesses.length);
  const serverNames: string[] = [];
  const serverIndex = new Map<string, number>();
  for (let k = 0; k < accesses.length; k++) {
    const access = accesses[k] as (typeof accesses)[number];
    const name = access.server;
    let s = serverIndex.get(name);
    if (s === undefined) {
      s = serverNames.push(name) - 1;
      serverIndex.set(name, s);
    }
    source[k] = access.source;
    record[k] = k;
    server[k] = s;
  }
  return {
    count: accesses.length,
    source,
    record,
    server,
    serverNames,
    records: accesses,
    userIds: idsByIndex(deployment.users),
    deviceIds: idsByIndex(deployment.devices),
  };
}

/** Principal ids by their index. */
export function idsByIndex(
  principals: ReadonlyMap<string, { readonly index: number }>,
): readonly string[] {
  const ids = new Array<string>(principals.size);
  for (const [id, p] of principals) ids[p.index] = id;
  return ids;
}
