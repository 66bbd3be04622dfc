export { appJsonSchemas } from "./app-json-schemas.ts";
export type { AccessRecord } from "./audit/access-ledger.ts";
export { auditEvidence } from "./audit/audit-evidence.ts";
export type { AuditRequest } from "./audit/audit-request.ts";
export type {
  AccountNote,
  AuditFileSummary,
  AuditResult,
  HolderEvidence,
} from "./audit/audit-result-schema.ts";
export { auditResultSchema } from "./audit/audit-result-schema.ts";
export type { EvidenceRecord } from "./evidence-record-schema.ts";
export { evidenceRecordSchema } from "./evidence-record-schema.ts";
export { formatProblems, problemsShown } from "./format-problems.ts";
export {
  loadDeploymentFile,
  loadPriceListData,
  resolveDeploymentData,
} from "./load-deployment-file.ts";
export { loadPriceListFile } from "./load-price-list-file.ts";
export { loadQuoteFile } from "./load-quote-file.ts";
export type { NamedDocument } from "./named-document.ts";
export { quoteForTerminal } from "./quote-for-terminal.ts";
export { readDocumentFile } from "./read-document-file.ts";
export { type EvidenceRecordsEnd, readEvidenceRecords } from "./read-evidence-records.ts";
export { PRICE_LIST_CSV_COLUMNS, readPriceListCsv } from "./read-price-list-csv.ts";
export { readTextFile } from "./read-text-file.ts";
export { renderEditionAdvice } from "./render-edition-advice.ts";
export { renderQuoteMarkdown } from "./render-quote-markdown.ts";
