/** What `calwise audit` is asked: the evidence, the inventories, what is owned, and the rules' settings. */
export interface AuditRequest {
  /** Event files (EVTX, event XML/CSV, Winlogbeat JSON lines) and UAL exports, already expanded. */
  readonly evidenceFiles: readonly string[];
  /** AD user and computer exports. */
  readonly inventoryFiles: readonly string[];
  /** A deployment file without accesses: servers, owned CALs, prices, assumptions (docs/audit.md). */
  readonly ownedFile?: string;
  /** YYYY-MM-DD: count logons from this day on; default: the 90 days before the newest event. */
  readonly since?: string;
  /** Groups whose members are admin-only accounts (default Domain Admins, Enterprise Admins, Administrators). */
  readonly adminGroups?: readonly string[];
  /** NetBIOS domain name → DNS domain (`3B=threebeesco.com`), for logs that name the domain both ways. */
  readonly domainAliases?: ReadonlyMap<string, string>;
  /** Servers that are RD Session Hosts: remote-interactive logons there need RDS CALs. */
  readonly rdsHosts?: readonly string[];
  /** The server a UAL export without a PSComputerName column came from. */
  readonly ualServer?: string;
  /** Called with bytes read so far and the total, while files are read (progress bars). */
  readonly onProgress?: (bytesRead: number, bytesTotal: number, file: string) => void;
}
