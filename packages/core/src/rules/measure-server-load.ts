import type { ResolvedDeployment, ResolvedServer } from "../deployment/resolved-deployment.ts";

/** What a server carries that an edition may cap: users, devices, processors, cores (when given), VMs. */
export interface ServerLoad {
  readonly users: number;
  readonly devices: number;
  readonly processors: number;
  readonly cores: number | undefined;
  readonly virtualMachines: number;
}

/**
 * Measures a server's load as the edition caps count it: the distinct users and devices that access it
 * directly (or the accounts and devices the spec declares, when more), its processors, its cores when the
 * deployment gives the cores per processor, and its virtual machines (declared or hosted guests) [R1, R21].
 */
export function measureServerLoad(
  server: ResolvedServer,
  deployment: ResolvedDeployment,
): ServerLoad {
  const users = new Set<string>();
  const devices = new Set<string>();
  for (const a of deployment.accesses) {
    if (a.server !== server.name || a.fromServer !== undefined) continue;
    if (a.user !== undefined) users.add(a.user);
    if (a.device !== undefined) devices.add(a.device);
  }
  return {
    users: Math.max(server.spec.userAccounts ?? 0, users.size),
    devices: Math.max(server.spec.deviceCount ?? 0, devices.size),
    processors: server.spec.processors,
    cores:
      server.spec.coresPerProcessor === undefined
        ? undefined
        : server.spec.processors * server.spec.coresPerProcessor,
    virtualMachines: Math.max(server.spec.virtualMachines, server.guests.length),
  };
}
