export type { AccessRecord } from "./audit/access-ledger.ts";
export { auditEvidence } from "./audit/audit-evidence.ts";
export type { AuditRequest } from "./audit/audit-request.ts";
export type { AuditFileSummary, AuditResult, HolderEvidence } from "./audit/audit-result.ts";
export { expandFilePatterns } from "./audit/expand-file-patterns.ts";
export { formatProblems, problemsShown } from "./format-problems.ts";
export { quoteForTerminal } from "./quote-for-terminal.ts";
export {
  loadDeploymentFile,
  loadPriceListData,
  resolveDeploymentData,
} from "./load-deployment-file.ts";
export { loadPriceListFile } from "./load-price-list-file.ts";
export { loadQuoteFile } from "./load-quote-file.ts";
export type { CsvField, CsvRecord, CsvSyntaxProblem } from "./parse-csv-text.ts";
export { parseCsvText } from "./parse-csv-text.ts";
export { readDocumentFile } from "./read-document-file.ts";
export { PRICE_LIST_CSV_COLUMNS, readPriceListCsv } from "./read-price-list-csv.ts";
export { readTextFile } from "./read-text-file.ts";
export { renderEditionAdvice } from "./render-edition-advice.ts";
export { renderQuoteMarkdown } from "./render-quote-markdown.ts";
