import type { MipSolver } from "@calwise/core";
import type { ByteSource, EventFieldMap, EvidenceFormat } from "@calwise/evidence";
import type { NamedDocument } from "../named-document.ts";

/** What `calwise audit` is asked: the evidence, the inventories, what is owned, and the rules' settings. */
export interface AuditRequest {
  /** Event logs (EVTX, event XML/CSV, Winlogbeat JSON lines) and UAL exports. */
  readonly evidence: readonly ByteSource[];
  /** Pre-aggregated accesses (CSV or JSON lines, docs/audit-at-scale.md): what a SIEM's query returns. */
  readonly accesses?: readonly ByteSource[];
  /** `--format`: the format of every evidence source, instead of the one its bytes show. */
  readonly eventFormat?: EvidenceFormat;
  /** `--field-map`: where a CSV or JSON export keeps each field; its evidence is read as mapped CSV/JSON. */
  readonly fieldMap?: EventFieldMap;
  /** AD user and computer exports. */
  readonly inventory: readonly ByteSource[];
  /**
   * A deployment without accesses: servers, owned CALs, prices (inline), assumptions (docs/audit.md).
   * Its accesses, if any, are ignored.
   */
  readonly owned?: NamedDocument;
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
  /** Loads a MIP solver (HiGHS) when a family the engine's own bounds leave open could be proven by it. */
  readonly loadSolver?: () => Promise<MipSolver>;
  /** Called with bytes read so far and the total, while sources are read (progress bars). */
  readonly onProgress?: (bytesRead: number, bytesTotal: number, name: string) => void;
}
