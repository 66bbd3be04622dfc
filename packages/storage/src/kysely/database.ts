import type { EntitlementKind } from "../port/entitlement-repository.ts";
import type { JobState } from "../port/job-repository.ts";
import type { LogoMediaType } from "../port/organisation-branding-repository.ts";
import type { QuoteStatus } from "../port/quote-repository.ts";
import type { SignInOutcome } from "../port/sign-in-attempt-repository.ts";
import type { TrainingExerciseKind } from "../port/training-attempt-repository.ts";
import type { Role } from "../port/user-repository.ts";

// The tables as Kysely sees them through CamelCasePlugin (columns are snake_case in SQL).
// Times are ISO 8601 UTC text, dates `YYYY-MM-DD`, JSON documents text (SQLite) or jsonb read back as
// text (PostgreSQL), money and counts integers (bigint on PostgreSQL, normalised to safe numbers).

/** A JSON document column: written and read as JSON text. */
type JsonText = string;

/** The schema of every table, for Kysely's typed queries. */
export interface Database {
  organisations: {
    id: string;
    slug: string;
    name: string;
    lastQuoteNumber: number;
    createdAt: string;
  };
  users: {
    orgId: string;
    id: string;
    email: string;
    displayName: string;
    role: Role;
    customerId: string | null;
    passwordHash: string | null;
    createdAt: string;
    disabledAt: string | null;
  };
  sessions: {
    orgId: string;
    id: string;
    userId: string;
    tokenHash: string;
    createdAt: string;
    expiresAt: string;
    revokedAt: string | null;
    address: string | null;
    userAgent: string | null;
  };
  apiTokens: {
    orgId: string;
    id: string;
    userId: string;
    name: string;
    tokenHash: string;
    createdAt: string;
    expiresAt: string | null;
    revokedAt: string | null;
  };
  signInAttempts: {
    orgId: string;
    id: string;
    email: string;
    address: string;
    outcome: SignInOutcome;
    at: string;
  };
  customers: {
    orgId: string;
    id: string;
    name: string;
    reference: string | null;
    createdAt: string;
    updatedAt: string;
  };
  deployments: {
    orgId: string;
    id: string;
    customerId: string | null;
    name: string;
    latestRevision: number;
    createdAt: string;
    updatedAt: string;
  };
  deploymentRevisions: {
    orgId: string;
    deploymentId: string;
    revision: number;
    document: JsonText;
    createdAt: string;
    createdBy: string | null;
  };
  evaluations: {
    orgId: string;
    id: string;
    deploymentId: string;
    revision: number;
    catalogVersion: string;
    result: JsonText;
    createdAt: string;
    priceListId: string | null;
  };
  entitlements: {
    orgId: string;
    id: string;
    customerId: string | null;
    kind: EntitlementKind;
    sku: string;
    quantity: number;
    invoiceReference: string | null;
    acquiredOn: string | null;
    amountMinor: number | null;
    currency: string | null;
    details: JsonText;
    createdAt: string;
  };
  priceLists: {
    orgId: string;
    id: string;
    name: string;
    currency: string;
    validFrom: string;
    validTo: string | null;
    document: JsonText;
    createdAt: string;
  };
  quotes: {
    orgId: string;
    id: string;
    customerId: string | null;
    priceListId: string | null;
    status: QuoteStatus;
    number: number | null;
    currency: string;
    totalMinor: number;
    document: JsonText;
    createdAt: string;
    issuedAt: string | null;
  };
  evidenceUploads: {
    orgId: string;
    id: string;
    fileName: string;
    storedPath: string;
    sizeBytes: number;
    contentHash: string;
    format: string;
    createdAt: string;
    createdBy: string | null;
  };
  customerUploads: {
    orgId: string;
    id: string;
    customerId: string;
    uploadId: string;
    fileName: string;
    createdAt: string;
    createdBy: string | null;
  };
  jobs: {
    orgId: string;
    id: string;
    kind: string;
    input: JsonText;
    state: JobState;
    progressDone: number;
    progressTotal: number | null;
    attempts: number;
    maxAttempts: number;
    leaseOwner: string | null;
    leaseExpiresAt: string | null;
    heartbeatAt: string | null;
    result: JsonText | null;
    error: JsonText | null;
    createdAt: string;
    updatedAt: string;
  };
  auditResults: {
    orgId: string;
    id: string;
    jobId: string | null;
    customerId: string | null;
    catalogVersion: string;
    result: JsonText;
    createdAt: string;
  };
  auditSummaries: {
    orgId: string;
    id: string;
    jobId: string | null;
    customerId: string | null;
    catalogVersion: string;
    createdAt: string;
    summary: JsonText;
  };
  idempotencyKeys: {
    orgId: string;
    key: string;
    requestHash: string;
    response: JsonText;
    createdAt: string;
  };
  auditLog: {
    orgId: string;
    id: string;
    at: string;
    actorId: string | null;
    action: string;
    targetType: string;
    targetId: string | null;
    address: string | null;
    details: JsonText;
  };
  trainingScenarios: {
    orgId: string;
    id: string;
    title: string;
    question: JsonText;
    note: string | null;
    createdAt: string;
    createdBy: string | null;
    retiredAt: string | null;
  };
  trainingAttempts: {
    orgId: string;
    id: string;
    userId: string;
    at: string;
    kind: TrainingExerciseKind;
    seed: number | null;
    scenarioId: string | null;
    question: JsonText;
    answer: JsonText;
    /** 1 right, 0 wrong (an integer on both databases). */
    correct: number;
  };
  organisationBranding: {
    orgId: string;
    logo: Uint8Array;
    logoMediaType: LogoMediaType;
    updatedAt: string;
    updatedBy: string | null;
  };
}

/** The tables that belong to one organisation (row-level security applies to each). */
export const tenantTables = [
  "users",
  "sessions",
  "api_tokens",
  "sign_in_attempts",
  "customers",
  "deployments",
  "deployment_revisions",
  "evaluations",
  "entitlements",
  "price_lists",
  "quotes",
  "evidence_uploads",
  "customer_uploads",
  "jobs",
  "audit_results",
  "audit_summaries",
  "idempotency_keys",
  "audit_log",
  "training_scenarios",
  "training_attempts",
  "organisation_branding",
] as const;
