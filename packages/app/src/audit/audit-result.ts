import type { EvaluationResult } from "@calwise/core";
import type {
  AuditWindow,
  EvidenceFormat,
  EvidenceLocation,
  EvidenceProblem,
  LogonSkipReason,
} from "@calwise/evidence";

/** What one evidence or inventory file gave. */
export interface AuditFileSummary {
  readonly file: string;
  readonly format: EvidenceFormat | "unknown";
  readonly records: number;
  readonly skipped: number;
  readonly eventIds: Readonly<Record<string, number>>;
  readonly problemCount: number;
}

/** The evidence behind one user or device that holds a CAL. */
export interface HolderEvidence {
  readonly id: string;
  readonly type: "user" | "device";
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly servers: readonly string[];
  readonly events: number;
  readonly files: readonly string[];
  /** An event that shows it: file and line (text formats) or record number (EVTX). */
  readonly sample: EvidenceLocation;
  /** For users: disabled in AD, admin-only, not in the inventory. */
  readonly flags: readonly string[];
}

/** An account not counted, or counted with a flag, and why. */
export interface AccountNote {
  readonly id: string;
  readonly reason: string;
  readonly events: number;
}

/** The answer of `calwise audit`: the engine's evaluation of the accesses seen, and the evidence. */
export interface AuditResult {
  readonly schemaVersion: 1;
  readonly window: AuditWindow;
  readonly evaluation: EvaluationResult;
  readonly files: readonly AuditFileSummary[];
  readonly counts: {
    readonly eventsRead: number;
    readonly logonEvents: number;
    readonly counted: number;
    readonly duplicates: number;
    /** Counted logons (or UAL records) older than --since, not aggregated. */
    readonly eventsBeforeSince: number;
    /** Distinct accesses whose last event is before the window. */
    readonly accessesBeforeWindow: number;
    readonly ualRecords: number;
    readonly skipped: Readonly<Partial<Record<LogonSkipReason, number>>>;
    readonly distinctAccesses: number;
  };
  /** Logging computers whose logons were not counted: client OS, unknown, or unmapped server OS. */
  readonly computersNotCounted: readonly { computer: string; reason: string; events: number }[];
  readonly serviceAccounts: readonly AccountNote[];
  readonly adminOnlyAccounts: readonly AccountNote[];
  readonly disabledAccounts: readonly AccountNote[];
  readonly unresolvedAddresses: readonly string[];
  readonly domainAliases: readonly { alias: string; domain: string; inferred: boolean }[];
  readonly holders: readonly HolderEvidence[];
  readonly notes: readonly string[];
  readonly problems: readonly EvidenceProblem[];
  readonly problemCount: number;
}
