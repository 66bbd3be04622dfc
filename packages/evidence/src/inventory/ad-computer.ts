import type { EvidenceLocation } from "../event/evidence-location.ts";

/** One computer of a `Get-ADComputer -Properties * | Export-Csv` export. */
export interface AdComputer {
  /** The computer's name (its NetBIOS name, upper case as AD stores it). */
  readonly name: string;
  readonly dnsHostName: string;
  readonly ipv4Address: string;
  readonly ipv6Address: string;
  readonly operatingSystem: string;
  readonly enabled: boolean;
  readonly domain: string;
  readonly location: EvidenceLocation;
}
