/** One change in the audit log: who, when, what, from where. Entries are never changed. */
export interface AuditLogEntry {
  readonly orgId: string;
  readonly id: string;
  readonly at: string;
  /** The user (or API token's user) who acted; null for the system itself. */
  readonly actorId: string | null;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  /** The client address the change came from. */
  readonly address: string | null;
  readonly details: unknown;
}

/** The fields an audit log entry is appended with. */
export interface NewAuditLogEntry {
  readonly actorId?: string | null;
  readonly action: string;
  readonly targetType: string;
  readonly targetId?: string | null;
  readonly address?: string | null;
  readonly details?: unknown;
}

/** The audit log of an organisation: append and read, newest first. */
export interface AuditLogRepository {
  append(orgId: string, input: NewAuditLogEntry): Promise<AuditLogEntry>;
  list(orgId: string, page?: { readonly limit?: number }): Promise<readonly AuditLogEntry[]>;
}
