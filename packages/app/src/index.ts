// The application layer (ARCHITECTURE.md): use cases over data, shared by the CLI and later the server and the
// browser. Nothing here reads a file, the clock, `process` or the environment (biome.json enforces the imports).

export { type AdviseCustomerInput, adviseCustomer } from "./advise-customer.ts";
export type { AccessRecord } from "./audit/access-ledger.ts";
export { auditEvidence } from "./audit/audit-evidence.ts";
export type { AuditRequest } from "./audit/audit-request.ts";
export type { AuditFileSummary, AuditResult, HolderEvidence } from "./audit/audit-result.ts";
export { expandFilePatterns } from "./audit/expand-file-patterns.ts";
export { choosePriceList } from "./choose-price-list.ts";
export {
  type EvaluateDeploymentInput,
  evaluateDeploymentDocument,
} from "./evaluate-deployment-document.ts";
export { type CatalogListing, listCatalog } from "./list-catalog.ts";
export { locateProblems } from "./locate-problems.ts";
export type { NamedDocument } from "./named-document.ts";
export type { CsvField, CsvRecord, CsvSyntaxProblem } from "./parse-csv-text.ts";
export { parseCsvText } from "./parse-csv-text.ts";
export { type QuoteCustomerInput, quoteCustomer } from "./quote-customer.ts";
export { readDeploymentPriceList } from "./read-deployment-price-list.ts";
export { PRICE_LIST_CSV_COLUMNS, readPriceListCsv } from "./read-price-list-csv.ts";
export { readPriceListText } from "./read-price-list-text.ts";
export { resolveDeploymentDocument } from "./resolve-deployment-document.ts";
