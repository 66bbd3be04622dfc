import type { EvidenceLocation } from "../event/evidence-location.ts";

/** One account of a `Get-ADUser -Properties * | Export-Csv` export. */
export interface AdUser {
  readonly samAccountName: string;
  readonly enabled: boolean;
  readonly distinguishedName: string;
  /** The account's DNS domain, from the DC= parts of its DistinguishedName (lower case). */
  readonly domain: string;
  readonly userPrincipalName: string;
  readonly sid: string;
  readonly description: string;
  /** Group names (the CN of each MemberOf DN). */
  readonly memberOf: readonly string[];
  readonly servicePrincipalNames: readonly string[];
  readonly objectClass: string;
  readonly location: EvidenceLocation;
}
