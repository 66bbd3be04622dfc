import { defineAccountCases } from "./account-cases.ts";
import { defineAdviceCostCases } from "./advice-cost-cases.ts";
import { defineCliParityCases } from "./cli-parity-cases.ts";
import { defineCommerceCases } from "./commerce-cases.ts";
import { defineCustomerQuoteCases } from "./customer-quote-cases.ts";
import { defineDeploymentCases } from "./deployment-cases.ts";
import { defineDeploymentTextCases } from "./deployment-text-cases.ts";
import { defineEstateCases } from "./estate-cases.ts";
import { defineEvidenceCases } from "./evidence-cases.ts";
import { defineFinishCases } from "./finish-cases.ts";
import { defineIdempotencyCases } from "./idempotency-cases.ts";
import { defineIsolationCases } from "./isolation-cases.ts";
import { defineMultiAuditCases } from "./multi-audit-cases.ts";
import { definePolishCases } from "./polish-cases.ts";
import { defineResourceCases } from "./resource-cases.ts";
import { defineSalesCases } from "./sales-cases.ts";
import type { ServiceHarness } from "./service-harness.ts";
import { defineUserCases } from "./user-cases.ts";

/**
 * The service's contract: the HTTP API in-process (`app.request`) over a real store, registered by
 * `service-sqlite.test.ts` and `service-postgres.test.ts` so both databases give the same answers.
 */
export function defineServiceContract(harness: ServiceHarness): void {
  defineAccountCases(harness);
  defineResourceCases(harness);
  defineCommerceCases(harness);
  defineDeploymentCases(harness);
  defineIdempotencyCases(harness);
  defineUserCases(harness);
  defineCliParityCases(harness);
  defineIsolationCases(harness);
  defineEvidenceCases(harness);
  defineMultiAuditCases(harness);
  defineAdviceCostCases(harness);
  defineDeploymentTextCases(harness);
  defineSalesCases(harness);
  definePolishCases(harness);
  defineFinishCases(harness);
  defineCustomerQuoteCases(harness);
  defineEstateCases(harness);
}
