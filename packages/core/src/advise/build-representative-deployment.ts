import type { DeploymentInput } from "../deployment/deployment-schema.ts";
import type { PriceList } from "../price-list/price-list-schema.ts";
import type { CustomerProfile } from "./customer-profile.ts";

/**
 * One way an edition can serve a profile: the edition on the main server, optionally an add-on edition on a
 * second server (SBS 2011 Premium Add-on), and where each needed service runs (the server that offers it).
 */
export interface EditionConfiguration {
  readonly product: string;
  readonly addOn?: string;
  /** A SQL Server application installed on the main server. */
  readonly sqlApplication?: string;
  /** Which server runs Remote Desktop and SQL for the users, when they are needed. */
  readonly rdsOn?: "main" | "add-on";
  readonly sqlOn?: "main" | "add-on";
}

/** The server every configuration names its main server. */
export const MAIN_SERVER = "server";
/** The add-on server's name, when a configuration has one. */
export const ADD_ON_SERVER = "add-on-server";

/**
 * Builds a deployment that stands for a customer profile, for the engine to evaluate like any other:
 * users who have several devices get two personal devices each (first), the other users one each while there
 * are personal devices, the rest work on the shared devices in turn; each shared device gets at least two
 * users when there are two; leftover personal devices go, in turn, to the users with several devices (or to
 * all). Everyone reaches the main server, and the servers running Remote Desktop and SQL when they are needed; external users reach the main server from devices of their own; an anonymous web site is declared as
 * such. The server declares the profile's head counts, so edition limits see them all.
 */
export function buildRepresentativeDeployment(
  profile: CustomerProfile,
  configuration: EditionConfiguration,
  priceList?: PriceList,
): { readonly deployment: DeploymentInput; readonly description: readonly string[] } {
  const devices = profile.devices ?? profile.users;
  const personal = devices - profile.sharedDevices;
  const users = Array.from({ length: profile.users }, (_, i) => `U${i + 1}`);
  const personalOf = new Map<string, string[]>(users.map((u) => [u, []]));
  let next = 1;
  const give = (user: string) => personalOf.get(user)?.push(`PC${next++}`);
  const multi = users.slice(0, profile.usersWithSeveralDevices);
  for (const u of multi) {
    give(u);
    give(u);
  }
  for (const u of users.slice(multi.length)) if (next <= personal) give(u);
  const owners = users.filter((u) => (personalOf.get(u)?.length ?? 0) > 0);
  const extraTo = multi.length > 0 ? multi : owners;
  for (let k = 0; next <= personal && extraTo.length > 0; k++)
    give(extraTo[k % extraTo.length] as string);

  const shared = Array.from({ length: profile.sharedDevices }, (_, i) => `SHARED${i + 1}`);
  const sharedUsers = new Map<string, string[]>(shared.map((d) => [d, []]));
  const shift = users.filter((u) => (personalOf.get(u)?.length ?? 0) === 0);
  shift.forEach((u, i) => {
    sharedUsers.get(shared[i % shared.length] as string)?.push(u);
  });
  // Every shared device gets at least two users (when there are two): owners first, then shift workers.
  const pool = [...owners, ...shift];
  let k = 0;
  for (const d of shared) {
    const list = sharedUsers.get(d) as string[];
    for (let tried = 0; list.length < Math.min(2, users.length) && tried < pool.length; tried++) {
      const candidate = pool[k++ % pool.length] as string;
      if (!list.includes(candidate)) list.push(candidate);
    }
  }

  const pairs: [string, string][] = [];
  for (const [u, list] of personalOf) for (const d of list) pairs.push([u, d]);
  for (const [d, list] of sharedUsers) for (const u of list) pairs.push([u, d]);
  const needsRds = profile.needs.includes("remote-desktop");
  const needsSql = profile.needs.includes("sql");
  const sqlServer = configuration.sqlOn === "add-on" ? ADD_ON_SERVER : MAIN_SERVER;
  const rdsServer = configuration.rdsOn === "add-on" ? ADD_ON_SERVER : MAIN_SERVER;
  const external = Array.from({ length: profile.externalUsers }, (_, i) => `EXT${i + 1}`);
  const accesses: NonNullable<DeploymentInput["accesses"]> = [
    ...pairs.map(([user, device]) => ({ user, device, server: MAIN_SERVER })),
    ...(needsRds
      ? pairs.map(([user, device]) => ({ user, device, server: rdsServer, service: "rds" }))
      : []),
    ...(needsSql
      ? pairs.map(([user, device]) => ({ user, device, server: sqlServer, service: "sql" }))
      : []),
    ...external.map((user) => ({ user, server: MAIN_SERVER })),
  ];
  const servers: DeploymentInput["servers"] = [
    {
      name: MAIN_SERVER,
      product: configuration.product,
      processors: profile.processors,
      ...(profile.coresPerProcessor ? { coresPerProcessor: profile.coresPerProcessor } : {}),
      virtualMachines: profile.virtualMachines,
      applications: configuration.sqlApplication ? [configuration.sqlApplication] : [],
      userAccounts: profile.users + profile.externalUsers,
      deviceCount: devices,
    },
  ];
  if (configuration.addOn)
    servers.push({ name: ADD_ON_SERVER, product: configuration.addOn, processors: 1 });

  const several = [...personalOf.values()].filter((l) => l.length > 1).length;
  const description = [
    `${profile.users} users: ${several} with several devices, ${owners.length - several} with one personal device, ${shift.length} working only on shared devices`,
    `${devices} devices: ${personal} personal, ${shared.length} shared${shared.length > 0 ? ` (${[...sharedUsers.values()].map((l) => l.length).join(", ")} users each)` : ""}`,
    ...(external.length > 0
      ? [`${external.length} external users reaching the server from their own devices`]
      : []),
    ...(profile.anonymousWeb ? ["an anonymous web site on the server"] : []),
    ...(needsRds ? ["every user works through Remote Desktop"] : []),
    ...(needsSql ? ["every user uses the SQL Server application"] : []),
  ];
  return {
    deployment: {
      name: `profile for ${configuration.product}`,
      servers,
      users: [...users, ...external.map((id) => ({ id, kind: "external" as const }))],
      devices: [...[...personalOf.values()].flat(), ...shared],
      accesses,
      anonymous: profile.anonymousWeb
        ? [{ server: MAIN_SERVER, description: "public web site" }]
        : [],
      ...(priceList ? { prices: priceList } : {}),
    },
    description,
  };
}
