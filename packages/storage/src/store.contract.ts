import { defineAccountCases } from "./contract/account-cases.ts";
import { defineCommerceCases } from "./contract/commerce-cases.ts";
import type { ContractHarness } from "./contract/contract-harness.ts";
import { defineDeploymentCases } from "./contract/deployment-cases.ts";
import { defineEvidenceCases } from "./contract/evidence-cases.ts";
import { defineKillCases } from "./contract/kill-cases.ts";
import { defineTenantIsolationCases } from "./contract/tenant-isolation-cases.ts";
import { defineTrainingCases } from "./contract/training-cases.ts";
import { defineTransactionCases } from "./contract/transaction-cases.ts";

/**
 * The one contract every store implementation passes, registered as top-level tests by each database's
 * test file (`sqlite/sqlite-store.test.ts`, `postgres/postgres-store.test.ts`) against a real database.
 */
export function defineStoreContract(harness: ContractHarness): void {
  defineAccountCases(harness);
  defineDeploymentCases(harness);
  defineCommerceCases(harness);
  defineEvidenceCases(harness);
  defineTenantIsolationCases(harness);
  defineTransactionCases(harness);
  defineKillCases(harness);
  defineTrainingCases(harness);
}
