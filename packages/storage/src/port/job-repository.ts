/** A job's life: queued → running → succeeded or failed (running again after a lost lease). */
export type JobState = "queued" | "running" | "succeeded" | "failed";

/** A durable background job (an evidence import): survives a killed server and is resumed by lease. */
export interface Job {
  readonly orgId: string;
  readonly id: string;
  readonly kind: string;
  /** What the job works on, for example `{ uploadId }`. */
  readonly input: unknown;
  readonly state: JobState;
  readonly progressDone: number;
  readonly progressTotal: number | null;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly leaseOwner: string | null;
  readonly leaseExpiresAt: string | null;
  readonly heartbeatAt: string | null;
  readonly result: unknown;
  readonly error: unknown;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A worker's claim on a job: the lease is extended by heartbeats and lost when it expires. */
export interface JobLease {
  readonly workerId: string;
  /** The worker's clock, ISO text; the worker owns time so that leases are testable. */
  readonly now: string;
  readonly leaseMs: number;
}

/** Durable jobs of an organisation. Every state change after the claim checks the lease owner. */
export interface JobRepository {
  enqueue(
    orgId: string,
    input: { readonly kind: string; readonly input: unknown; readonly maxAttempts?: number },
  ): Promise<Job>;
  get(orgId: string, id: string): Promise<Job | undefined>;
  list(orgId: string, filter?: { readonly state?: JobState }): Promise<readonly Job[]>;
  /**
   * Claims the oldest job that is queued or whose lease has expired, counting an attempt; a job whose
   * attempts are used up is marked failed instead. Undefined when nothing is claimable.
   */
  claim(orgId: string, lease: JobLease): Promise<Job | undefined>;
  /** Extends the lease and records progress; false when the worker no longer holds the lease. */
  heartbeat(
    orgId: string,
    id: string,
    lease: JobLease,
    progress: { readonly done: number; readonly total?: number | null },
  ): Promise<boolean>;
  /** Ends the job as succeeded with its result; false when the worker no longer holds the lease. */
  complete(orgId: string, id: string, lease: JobLease, result: unknown): Promise<boolean>;
  /**
   * Puts the running jobs whose lease owner starts with `ownerPrefix` back in the queue (a restarted
   * server's own jobs: the process that held them is gone), without waiting for their leases to expire.
   * Returns how many were re-queued; their attempts are kept, so a job that kills its server every time
   * still ends failed.
   */
  requeueHeldBy(orgId: string, ownerPrefix: string, now: string): Promise<number>;
  /** Ends the job as failed with an error value; false when the worker no longer holds the lease. */
  fail(orgId: string, id: string, lease: JobLease, error: unknown): Promise<boolean>;
}
