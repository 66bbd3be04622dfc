import type { EvidenceLocation } from "../event/evidence-location.ts";

/**
 * One User Access Logging record (Windows Server 2012 and later): a user (`Get-UalUserAccess`) or a
 * client address (`Get-UalDeviceAccess`) that reached a role of a server, with first and last seen.
 */
export interface UalAccess {
  readonly kind: "user" | "device";
  /** The server that logged the access (PSComputerName, or the reader's `server` option). */
  readonly server: string;
  /** DOMAIN\account, for user records. */
  readonly userName?: string;
  /** The client's IP address, for device records. */
  readonly ipAddress?: string;
  readonly roleName: string;
  readonly productName: string;
  /** ISO 8601 UTC. */
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly activityCount: number;
  readonly tenantIdentifier: string;
  readonly location: EvidenceLocation;
}
