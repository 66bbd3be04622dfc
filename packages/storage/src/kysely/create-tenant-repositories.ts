import type { TenantRepositories } from "../store.ts";
import { createApiTokenRepository } from "./api-token-repository.ts";
import { createAuditLogRepository } from "./audit-log-repository.ts";
import { createAuditResultRepository } from "./audit-result-repository.ts";
import { createCustomerRepository } from "./customer-repository.ts";
import { createDeploymentRepository } from "./deployment-repository.ts";
import { createEntitlementRepository } from "./entitlement-repository.ts";
import { createEvaluationRepository } from "./evaluation-repository.ts";
import { createEvidenceUploadRepository } from "./evidence-upload-repository.ts";
import { createIdempotencyKeyRepository } from "./idempotency-key-repository.ts";
import { createJobRepository } from "./job-repository.ts";
import { createOrganisationBrandingRepository } from "./organisation-branding-repository.ts";
import { createPriceListRepository } from "./price-list-repository.ts";
import { createQuoteRepository } from "./quote-repository.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { createSessionRepository } from "./session-repository.ts";
import { createSignInAttemptRepository } from "./sign-in-attempt-repository.ts";
import { createTrainingAttemptRepository } from "./training-attempt-repository.ts";
import { createTrainingScenarioRepository } from "./training-scenario-repository.ts";
import { createUserRepository } from "./user-repository.ts";

/** Every tenant repository over one context (the store's own, or one transaction's). */
export function createTenantRepositories(context: RepositoryContext): TenantRepositories {
  return {
    users: createUserRepository(context),
    sessions: createSessionRepository(context),
    apiTokens: createApiTokenRepository(context),
    signInAttempts: createSignInAttemptRepository(context),
    customers: createCustomerRepository(context),
    deployments: createDeploymentRepository(context),
    evaluations: createEvaluationRepository(context),
    entitlements: createEntitlementRepository(context),
    priceLists: createPriceListRepository(context),
    quotes: createQuoteRepository(context),
    evidenceUploads: createEvidenceUploadRepository(context),
    jobs: createJobRepository(context),
    auditResults: createAuditResultRepository(context),
    idempotencyKeys: createIdempotencyKeyRepository(context),
    auditLog: createAuditLogRepository(context),
    trainingScenarios: createTrainingScenarioRepository(context),
    trainingAttempts: createTrainingAttemptRepository(context),
    branding: createOrganisationBrandingRepository(context),
  };
}
