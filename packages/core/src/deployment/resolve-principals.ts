import type { Deployment } from "./deployment-schema.ts";
import type { ProblemCollector } from "./problem-collector.ts";
import type { ResolvedDeployment, ResolvedDevice, ResolvedUser } from "./resolved-deployment.ts";

type UserMap = Map<string, ResolvedUser>;
type DeviceMap = Map<string, ResolvedDevice>;

/** The declared users and devices with ranges expanded; names twice are problems. */
export function resolvePrincipals(
  d: Deployment,
  out: ProblemCollector,
): { users: UserMap; devices: DeviceMap } {
  const users: UserMap = new Map();
  d.users.forEach((u, i) => {
    const spec = typeof u === "string" ? { id: u, kind: "internal" as const } : u;
    for (const id of out.expand(`users[${i}]`, spec.id)) {
      if (users.has(id)) out.duplicate(`users[${i}]`, "user", id);
      else users.set(id, { id, kind: spec.kind, index: users.size });
    }
  });
  const devices: DeviceMap = new Map();
  d.devices.forEach((dv, i) => {
    const spec = typeof dv === "string" ? { id: dv, unattended: false } : dv;
    for (const id of out.expand(`devices[${i}]`, spec.id)) {
      if (devices.has(id)) out.duplicate(`devices[${i}]`, "device", id);
      else devices.set(id, { id, unattended: spec.unattended, index: devices.size });
    }
  });
  return { users, devices };
}

export type { ResolvedDeployment };
