import type { Migration } from "kysely";
import type { StoreDialect } from "../store.ts";
import { createAccountsMigration } from "./0001-accounts.ts";
import { createDeploymentsMigration } from "./0002-deployments.ts";
import { createCommerceMigration } from "./0003-commerce.ts";
import { createEvidenceMigration } from "./0004-evidence.ts";
import { createAuditLogMigration } from "./0005-audit-log.ts";
import { createImmutableRowsMigration } from "./0006-immutable-rows.ts";
import { createRowLevelSecurityMigration } from "./0007-row-level-security.ts";
import { createTrainingAndDashboardMigration } from "./0008-training-and-dashboard.ts";
import { createEvaluationPriceListMigration } from "./0009-evaluation-price-list.ts";
import { createAuditSummariesMigration } from "./0010-audit-summaries.ts";
import { createCustomerUploadsMigration } from "./0011-customer-uploads.ts";

/** The one migration history, by name in the order it runs; a migration branches on dialect only where DDL differs. */
export function listMigrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    "0001-accounts": createAccountsMigration(),
    "0002-deployments": createDeploymentsMigration(dialect),
    "0003-commerce": createCommerceMigration(dialect),
    "0004-evidence": createEvidenceMigration(dialect),
    "0005-audit-log": createAuditLogMigration(dialect),
    "0006-immutable-rows": createImmutableRowsMigration(dialect),
    "0007-row-level-security": createRowLevelSecurityMigration(dialect),
    "0008-training-and-dashboard": createTrainingAndDashboardMigration(dialect),
    "0009-evaluation-price-list": createEvaluationPriceListMigration(),
    "0010-audit-summaries": createAuditSummariesMigration(dialect),
    "0011-customer-uploads": createCustomerUploadsMigration(dialect),
  };
}

/** The name of the newest migration this code knows: the schema version a store must have. */
export function readLatestMigrationName(): string {
  return Object.keys(listMigrations("sqlite")).at(-1) ?? "";
}
