import type { EvidenceLocation, UalAccess } from "@calwise/evidence";

/** A UAL record of a user (or of the address it came from) on `server`, seen once on `time`, for the audit steps' tests. */
export function ualAccess(fields: {
  readonly kind: "user" | "device";
  readonly server: string;
  readonly user: string;
  readonly day: number;
  readonly time: string;
  readonly location: EvidenceLocation;
}): UalAccess {
  return {
    kind: fields.kind,
    server: fields.server,
    userName: `EXAMPLE\\${fields.user}`,
    ipAddress: `10.0.0.${fields.day}`,
    roleName: "File Server",
    productName: "Windows Server",
    firstSeen: fields.time,
    lastSeen: fields.time,
    activityCount: fields.day,
    tenantIdentifier: "",
    location: fields.location,
  };
}
