import type { ApiTokenRepository } from "./port/api-token-repository.ts";
import type { AuditLogRepository } from "./port/audit-log-repository.ts";
import type { AuditResultRepository } from "./port/audit-result-repository.ts";
import type { CustomerRepository } from "./port/customer-repository.ts";
import type { DeploymentRepository } from "./port/deployment-repository.ts";
import type { EntitlementRepository } from "./port/entitlement-repository.ts";
import type { EvaluationRepository } from "./port/evaluation-repository.ts";
import type { EvidenceUploadRepository } from "./port/evidence-upload-repository.ts";
import type { IdempotencyKeyRepository } from "./port/idempotency-key-repository.ts";
import type { JobRepository } from "./port/job-repository.ts";
import type { OrganisationBrandingRepository } from "./port/organisation-branding-repository.ts";
import type { OrganisationRepository } from "./port/organisation-repository.ts";
import type { PriceListRepository } from "./port/price-list-repository.ts";
import type { QuoteRepository } from "./port/quote-repository.ts";
import type { SessionRepository } from "./port/session-repository.ts";
import type { SignInAttemptRepository } from "./port/sign-in-attempt-repository.ts";
import type { TrainingAttemptRepository } from "./port/training-attempt-repository.ts";
import type { TrainingScenarioRepository } from "./port/training-scenario-repository.ts";
import type { UserRepository } from "./port/user-repository.ts";

/** Which database a store runs on. */
export type StoreDialect = "sqlite" | "postgres";

/** The repositories of the tenant tables: every method takes the organisation id first. */
export interface TenantRepositories {
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly apiTokens: ApiTokenRepository;
  readonly signInAttempts: SignInAttemptRepository;
  readonly customers: CustomerRepository;
  readonly deployments: DeploymentRepository;
  readonly evaluations: EvaluationRepository;
  readonly entitlements: EntitlementRepository;
  readonly priceLists: PriceListRepository;
  readonly quotes: QuoteRepository;
  readonly evidenceUploads: EvidenceUploadRepository;
  readonly jobs: JobRepository;
  readonly auditResults: AuditResultRepository;
  readonly idempotencyKeys: IdempotencyKeyRepository;
  readonly auditLog: AuditLogRepository;
  readonly trainingScenarios: TrainingScenarioRepository;
  readonly trainingAttempts: TrainingAttemptRepository;
  readonly branding: OrganisationBrandingRepository;
}

/**
 * The storage port: what the application layer and the server use, on SQLite or PostgreSQL alike.
 * Each repository call is its own transaction; `transact` groups calls of one organisation atomically.
 */
export interface Store extends TenantRepositories {
  readonly dialect: StoreDialect;
  readonly organisations: OrganisationRepository;
  /**
   * Runs `work` in one transaction of organisation `orgId`: all of its changes or none. The repositories
   * it is given refuse any other organisation id.
   */
  transact<T>(orgId: string, work: (tx: TenantRepositories) => Promise<T>): Promise<T>;
  /**
   * Runs `work`, which only reads, in one read transaction of organisation `orgId`: one snapshot for all its
   * reads, and no write lock (SQLite begins DEFERRED), so several reads cost one transaction, not one each.
   */
  read<T>(orgId: string, work: (tx: TenantRepositories) => Promise<T>): Promise<T>;
  /** The name of the newest migration applied (the schema version). */
  readSchemaVersion(): Promise<string | undefined>;
  close(): Promise<void>;
}
