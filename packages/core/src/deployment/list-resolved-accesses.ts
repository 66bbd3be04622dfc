import type {
  AccessPrincipals,
  ResolvedAccess,
  ResolvedAccessColumns,
} from "./resolved-deployment.ts";

/**
 * The accesses as objects, made from the columns resolution built (for the readers that want
 * objects: quotes, comparisons, edition checks); the evaluation reads the columns.
 */
export function listResolvedAccesses(
  columns: ResolvedAccessColumns,
  principals: AccessPrincipals,
): ResolvedAccess[] {
  const accesses = new Array<ResolvedAccess>(columns.count);
  for (let k = 0; k < columns.count; k++) {
    const source = columns.source[k] as number;
    const record = columns.records[
      columns.record[k] as number
    ] as ResolvedAccessColumns["records"][number];
    const user = principals.accessUser[k] as number;
    const device = principals.accessDevice[k] as number;
    accesses[k] = createAccess(
      source,
      user < 0 ? undefined : columns.userIds[user],
      device < 0 ? undefined : columns.deviceIds[device],
      columns.serverNames[columns.server[k] as number] as string,
      record.service,
      record.via,
      record.fromServer,
    );
  }
  return accesses;
}

/**
 * One resolved access with only the fields that are set, in the order source, user, device, server,
 * service, via, fromServer, written out field by field.
 */
export function createAccess(
  source: number,
  user: string | undefined,
  device: string | undefined,
  server: string,
  service: string | undefined,
  via: string | undefined,
  fromServer: string | undefined,
): ResolvedAccess {
  const access: {
    source: number;
    user?: string;
    device?: string;
    server: string;
    service?: string;
    via?: string;
    fromServer?: string;
  } =
    user === undefined
      ? device === undefined
        ? { source, server }
        : { source, device, server }
      : device === undefined
        ? { source, user, server }
        : { source, user, device, server };
  if (service !== undefined) access.service = service;
  if (via !== undefined) access.via = via;
  if (fromServer !== undefined) access.fromServer = fromServer;
  return access;
}
