/**
 * What one audit may hold (docs/limits.md, "Audits"). An audit's accesses are ledger columns, not a
 * document: nothing is expanded, so the deployment limit on expanded accesses (2,000,000) is not the
 * measure; memory is. One distinct access costs about 0.9–1.1 KB at the audit's peak (the ledger,
 * the resolved columns, the evaluation and the trail; measured on the 403 MB and 1.7 GB generated
 * logs, docs/benchmarks.md), so 3,000,000 accesses come to about 3 GB, under Node's default heap of
 * about 4 GB.
 */
export const auditLimits = {
  /** Distinct (user, device, server, service) accesses in the audit window. */
  maxAccesses: 3_000_000,
} as const;
