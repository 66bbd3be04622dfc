import type { AuditLedger } from "../create-audit-ledger.ts";
import { logonEvent } from "./logon-event.ts";

/** A generated piece of evidence: a network or RDP logon, or a UAL record of a user or of an address. */
export interface GeneratedRecord {
  readonly kind: "logon" | "rdp" | "ual-user" | "ual-device";
  readonly user: string;
  readonly device: string;
  readonly server: string;
  /** Its day of November 2026 (and, for UAL, its count and the address's last byte). */
  readonly day: number;
  readonly file?: string;
}

/** Records `record`, the `i`th of a generated list, in the audit's ledger (for the steps' property tests). */
export function recordGenerated(audit: AuditLedger, record: GeneratedRecord, i: number): void {
  const time = `2026-11-${String(record.day).padStart(2, "0")}T08:00:00.000Z`;
  const location = { file: record.file ?? "a.ndjson", line: i + 1, record: i + 1 };
  if (record.kind === "logon" || record.kind === "rdp") {
    audit.recordLogon(
      logonEvent({
        recordId: i + 1,
        time,
        computer: record.server,
        logonType: record.kind === "rdp" ? 10 : 3,
        targetUserName: record.user,
        workstationName: record.device,
        location,
      }),
    );
    return;
  }
  audit.recordUal(
    {
      kind: record.kind === "ual-user" ? "user" : "device",
      server: record.server,
      userName: `EXAMPLE\\${record.user}`,
      ipAddress: `10.0.0.${record.day}`,
      roleName: "File Server",
      productName: "Windows Server",
      firstSeen: time,
      lastSeen: time,
      activityCount: record.day,
      tenantIdentifier: "",
      location,
    },
    i,
  );
}
