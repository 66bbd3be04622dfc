export { adviseEdition } from "./advise/advise-edition.ts";
export type {
  CustomerNeed,
  CustomerProfile,
  CustomerProfileInput,
} from "./advise/customer-profile.ts";
export {
  customerNeeds,
  customerProfileSchema,
  validateCustomerProfile,
} from "./advise/customer-profile.ts";
export type {
  EditionAdvice,
  EditionOption,
  GrowthChange,
  OptionCals,
  OptionLicence,
  RuledOutEdition,
  RuleOutReason,
} from "./advise/edition-advice-schema.ts";
export {
  ADVICE_SCHEMA_VERSION,
  editionAdviceSchema,
  ruleOutCodeSchema,
} from "./advise/edition-advice-schema.ts";
export type { Catalog } from "./catalog/catalog.ts";
export { ruleSources, tierOf } from "./catalog/catalog.ts";
export type { CatalogListing } from "./catalog/catalog-listing.ts";
export { catalogListingSchema, listCatalog } from "./catalog/catalog-listing.ts";
export type {
  Assumption,
  CalFamily,
  CatalogData,
  Product,
  Rule,
} from "./catalog/catalog-schema.ts";
export { catalogSchema } from "./catalog/catalog-schema.ts";
export { indexValidatedCatalog } from "./catalog/index-validated-catalog.ts";
export { validateCatalog } from "./catalog/validate-catalog.ts";
export {
  type AccessColumns,
  buildResolvedFromColumns,
  type ColumnsDeployment,
  describeColumnsDeployment,
  resolveCleanColumns,
} from "./deployment/build-resolved-from-columns.ts";
export type { Deployment, DeploymentInput } from "./deployment/deployment-schema.ts";
export { deploymentSchema } from "./deployment/deployment-schema.ts";
export { resolveDeployment } from "./deployment/resolve-deployment.ts";
export type { ResolvedDeployment } from "./deployment/resolved-deployment.ts";
export type {
  CsvField,
  CsvParserOptions,
  CsvParseStep,
  CsvRecord,
  CsvSyntaxProblem,
} from "./document/csv-parser.ts";
export { CsvParser } from "./document/csv-parser.ts";
export { documentLimits } from "./document/document-limits.ts";
export { jsonSchemaNames, jsonSchemaOf, jsonSchemas } from "./document/json-schemas.ts";
export { parseCsvText } from "./document/parse-csv-text.ts";
export type { ParsedDocument } from "./document/parse-document.ts";
export { parseDocumentText } from "./document/parse-document.ts";
export {
  type ScannedDeploymentJson,
  scanDeploymentJson,
} from "./document/scan-deployment-json.ts";
export { CalwiseError } from "./errors/calwise-error.ts";
export type { ErrorCode } from "./errors/error-codes.ts";
export { errorCodes } from "./errors/error-codes.ts";
export type { InputProblem, Validated } from "./errors/input-problem.ts";
export { inputProblemSchema } from "./errors/input-problem.ts";
export type { ProblemCode } from "./errors/problem-code.ts";
export { problemCodeSchema } from "./errors/problem-code.ts";
export { validateWithSchema } from "./errors/validate-with-schema.ts";
export { type EvaluateOptions, evaluateDeployment } from "./evaluate/evaluate-deployment.ts";
export type {
  EvaluationResult,
  FamilyResult,
  HolderLine,
  PurchaseLine,
} from "./evaluate/evaluation-result-schema.ts";
export { evaluationResultSchema } from "./evaluate/evaluation-result-schema.ts";
export { RESULT_SCHEMA_VERSION } from "./evaluate/result-schema-version.ts";
export { describeServingEditions } from "./findings/describe-serving-editions.ts";
export type { Finding } from "./findings/finding.ts";
export { findingSchema } from "./findings/finding.ts";
export type { FindingCode } from "./findings/finding-code.ts";
export { findingCodeSchema } from "./findings/finding-code.ts";
export type { MoneyDisplay } from "./model/format-money.ts";
export { currencyDigits, formatMoney } from "./model/format-money.ts";
export { isIsoDate, isoDateSchema } from "./model/iso-date.ts";
export type { CalMix, CalMixProblem, CoverEdge } from "./optimise/choose-cal-mix.ts";
export { chooseCalMix } from "./optimise/choose-cal-mix.ts";
export type { FlowNetworkBuilder } from "./optimise/graph/build-flow-network.ts";
export { createFlowNetworkBuilder, isArcCapacity } from "./optimise/graph/build-flow-network.ts";
export type { FlowNetwork, MinCutResult } from "./optimise/graph/flow-network.ts";
export type {
  BipartiteCover,
  BipartiteCoverInput,
} from "./optimise/graph/solve-bipartite-cover.ts";
export {
  buildBipartiteCoverNetwork,
  solveMinWeightBipartiteCover,
} from "./optimise/graph/solve-bipartite-cover.ts";
export { solveMinCut } from "./optimise/graph/solve-min-cut.ts";
export type { MinCutVerdict } from "./optimise/graph/verify-min-cut.ts";
export { verifyMinCut } from "./optimise/graph/verify-min-cut.ts";
export type { MipModel, MipSolution, MipSolver } from "./optimise/mip-solver.ts";
export type {
  PackOffer,
  PackPurchase,
  PackPurchaseLine,
} from "./optimise/packs/choose-pack-purchase.ts";
export { choosePackPurchase } from "./optimise/packs/choose-pack-purchase.ts";
export type { FamilyPlan } from "./optimise/plan-family-cover.ts";
export { createPlanMemo, type PlanMemo } from "./optimise/plan-memo.ts";
export { checkPriceList } from "./price-list/check-price-list.ts";
export type { DatedPriceList, PriceListReference } from "./price-list/dated-price-list.ts";
export { datedPriceListSchema, validateDatedPriceList } from "./price-list/dated-price-list.ts";
export type { PriceItem, PriceList } from "./price-list/price-list-schema.ts";
export { priceListSchema, validatePriceList } from "./price-list/price-list-schema.ts";
export { isValidOn, selectPriceList } from "./price-list/select-price-list.ts";
export { allocateProportionally } from "./quote/allocate-proportionally.ts";
export type { AppliedDiscount, DiscountScope } from "./quote/applied-discount.ts";
export type {
  DiscountableLine,
  DiscountedLines,
  DiscountRequest,
} from "./quote/apply-discounts.ts";
export { applyDiscounts } from "./quote/apply-discounts.ts";
export { buildQuote } from "./quote/build-quote.ts";
export { divideRounded } from "./quote/divide-rounded.ts";
export { parseBasisPoints } from "./quote/parse-basis-points.ts";
export type { Party } from "./quote/party.ts";
export { percentOf } from "./quote/percent-of.ts";
export type { PresentedLine, QuotePresentation } from "./quote/present-quote.ts";
export { formatDate, presentQuote } from "./quote/present-quote.ts";
export type {
  OmittedCalsReason,
  QuoteRequest,
  QuoteRequestInput,
} from "./quote/quote-request-schema.ts";
export { quoteRequestSchema, validateQuoteRequest } from "./quote/quote-request-schema.ts";
export type { Quote, QuoteLine, QuoteLineKind, StatedReason } from "./quote/quote-schema.ts";
export { QUOTE_SCHEMA_VERSION, quoteSchema } from "./quote/quote-schema.ts";
export type { RoundingMode } from "./quote/rounding-mode.ts";
export { DEFAULT_ROUNDING, roundingModes } from "./quote/rounding-mode.ts";
