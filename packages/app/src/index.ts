// The application layer (ARCHITECTURE.md): use cases over data, shared by the CLI and later the server and the
// browser. Nothing here reads a file, the clock, `process` or the environment (biome.json enforces the imports).

export { type AdviseCustomerInput, adviseCustomer } from "./advise-customer.ts";
export {
  type AnswerSaleQuestionInput,
  answerSaleQuestion,
  type SaleAnswer,
  type SaleCalLine,
} from "./answer-sale-question.ts";
export { appJsonSchemas } from "./app-json-schemas.ts";
export type { AccessRecord } from "./audit/access-ledger.ts";
export { auditEvidence, auditEvidenceForReport } from "./audit/audit-evidence.ts";
export { type AuditReport, completeAuditReport } from "./audit/audit-report.ts";
export type { AuditRequest } from "./audit/audit-request.ts";
export type {
  AccountNote,
  AuditFileSummary,
  AuditResult,
  HolderEvidence,
} from "./audit/audit-result-schema.ts";
export { auditResultSchema } from "./audit/audit-result-schema.ts";
export { isInventoryFormat } from "./audit/is-inventory-format.ts";
export { fieldMapSchema, readFieldMapDocument } from "./audit/read-field-map-document.ts";
export { TrailList } from "./audit/trail-list.ts";
export {
  type ChartEditionCostsInput,
  chartEditionCosts,
  chartEditionCostsInTurns,
  costGrowthSchema,
  type EditionCostChart,
  editionCostChartSchema,
} from "./chart-edition-costs.ts";
export {
  type CheckCustomerEstateInput,
  checkCustomerEstate,
} from "./check-customer-estate.ts";
export {
  checkTrainingAnswer,
  type TrainingAnswer,
  type TrainingVerdict,
} from "./check-training-answer.ts";
export { choosePriceList } from "./choose-price-list.ts";
export { type CompareDeploymentsInput, compareDeployments } from "./compare-deployments.ts";
export {
  type DeploymentComparison,
  deploymentComparisonSchema,
} from "./deployment-comparison-schema.ts";
export { type EstatePosition, estatePositionSchema } from "./estate-position-schema.ts";
export {
  type EvaluateDeploymentInput,
  evaluateDeploymentDocument,
} from "./evaluate-deployment-document.ts";
export { evaluateUntilProven } from "./evaluate-until-proven.ts";
export type { EvidenceRecord } from "./evidence-record-schema.ts";
export { evidenceRecordSchema } from "./evidence-record-schema.ts";
export { type CatalogListing, listCatalog } from "./list-catalog.ts";
export { locateProblems } from "./locate-problems.ts";
export type { NamedDocument } from "./named-document.ts";
export { type QuoteCustomerInput, quoteCustomer } from "./quote-customer.ts";
export { rateInBasisPoints } from "./rate-in-basis-points.ts";
export { ACCESS_CSV_COLUMNS, type AccessRow, readAccessCsv } from "./read-access-csv.ts";
export { readDeploymentPriceList } from "./read-deployment-price-list.ts";
export { type ReadDeploymentTextInput, readDeploymentText } from "./read-deployment-text.ts";
export {
  ENTITLEMENT_CSV_COLUMNS,
  type EntitlementRow,
  readEntitlementCsv,
} from "./read-entitlement-csv.ts";
export { type EvidenceRecordsEnd, readEvidenceRecords } from "./read-evidence-records.ts";
export { PRICE_LIST_CSV_COLUMNS, readPriceListCsv } from "./read-price-list-csv.ts";
export { readPriceListText } from "./read-price-list-text.ts";
export { resolveDeploymentDocument } from "./resolve-deployment-document.ts";
export { type SaleQuestion, saleQuestionSchema } from "./sale-question.ts";
export {
  createScenarioExercise,
  type OwnScenario,
  type ScenarioExercise,
} from "./scenario-exercise.ts";
export {
  type CurrencyRevenue,
  listMonths,
  type SalesFigures,
  type SalesQuote,
  type SalesSummary,
  type StatusCounts,
  summariseSales,
} from "./summarise-sales.ts";
export { createTrainingExercise, type TrainingExercise } from "./training-exercise.ts";
