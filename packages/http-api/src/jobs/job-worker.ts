import { randomUUID } from "node:crypto";
import { CalwiseError, type Catalog, type MipSolver } from "@calwise/core";
import type { Job, JobLease, Store } from "@calwise/storage";
import type { Logger } from "pino";
import { problemDetailsOf } from "../problem-details.ts";
import { runEvidenceAuditJob } from "./run-evidence-audit-job.ts";

/** How the worker is set up by `calwise serve`. */
export interface JobWorkerOptions {
  readonly store: Store;
  readonly catalog: Catalog;
  readonly dataDir: string;
  readonly logger: Logger;
  /**
   * This server's stable name (`--instance`, default host:port). Leases are `<instance>/<boot id>`, so
   * a restarted server re-queues the jobs its killed predecessor held instead of waiting for their leases.
   */
  readonly instance: string;
  readonly leaseMs?: number;
  /** How often a running job's lease and progress are written. */
  readonly heartbeatMs?: number;
  /**
   * How often every organisation is looked at for jobs an upload did not wake here (enqueued by a server
   * that died before running them, leases expired): one claim query per organisation per sweep.
   */
  readonly sweepMs?: number;
  readonly now?: () => Date;
  /** Loads an exact MIP solver for the families an audit's evaluation leaves open (as the API's). */
  readonly loadSolver?: () => Promise<MipSolver>;
}

/** The job worker a server runs in its own process. */
export interface JobWorker {
  /** Re-queues this instance's jobs left running by a killed predecessor, then starts working. */
  start(): Promise<void>;
  /** A job was enqueued for `orgId`: look now rather than at the next sweep. */
  wake(orgId: string): void;
  /** Stops claiming; waits for the job in hand (its lease lapses if the process dies instead). */
  stop(): Promise<void>;
}

/**
 * Runs durable jobs one at a time in the server process: claims by lease (a conditional update, so
 * several servers on one PostgreSQL never run one job twice at once), heartbeats with progress, stores
 * the audit result and completes the job in one transaction. A job whose input is bad fails with the
 * problem details; a lost lease (another worker took over) abandons the run, whose late writes the
 * store refuses. Organisations with work are woken by uploads; a sweep finds the rest.
 */
export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const leaseMs = options.leaseMs ?? 30_000;
  const heartbeatMs = options.heartbeatMs ?? 1_000;
  const sweepMs = options.sweepMs ?? 60_000;
  const now = options.now ?? (() => new Date());
  const workerId = `${options.instance}/${randomUUID()}`;
  const log = options.logger.child({ worker: workerId });
  const pending = new Set<string>();
  let stopped = false;
  let running: Promise<void> | undefined;
  let sweep: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;

  const lease = (): JobLease => ({ workerId, now: now().toISOString(), leaseMs });

  async function runJob(job: Job): Promise<void> {
    let progress = { done: job.progressDone, total: job.progressTotal };
    let lost = false;
    const beat = async () => {
      if (!(await options.store.jobs.heartbeat(job.orgId, job.id, lease(), progress))) lost = true;
    };
    // One heartbeat at a time, and the last one awaited before the final write: a beat still in flight with
    // older progress could otherwise land after the final progress and leave the finished job short of it.
    let beating: Promise<void> | undefined;
    const timer = setInterval(() => {
      beating ??= beat()
        .catch(() => undefined)
        .finally(() => {
          beating = undefined;
        });
    }, heartbeatMs);
    const stopBeating = async () => {
      clearInterval(timer);
      await beating;
    };
    const jobLog = log.child({ orgId: job.orgId, jobId: job.id, attempt: job.attempts });
    jobLog.info({ kind: job.kind }, "job started");
    try {
      const outcome = await runEvidenceAuditJob(job, options, (done, total) => {
        // Thrown into the reader: another worker holds the job now, so this run stops.
        if (lost) throw new Error("lease lost");
        progress = { done, total };
      });
      await stopBeating();
      // The last progress (a job shorter than a heartbeat has written none yet).
      if (!(await options.store.jobs.heartbeat(job.orgId, job.id, lease(), progress)))
        throw new LeaseLost();
      const completed = await options.store.transact(job.orgId, async (tx) => {
        const stored = await tx.auditResults.create(job.orgId, {
          jobId: job.id,
          customerId: outcome.customerId,
          catalogVersion: options.catalog.version,
          result: outcome.result,
          summary: outcome.summary,
        });
        const done = await tx.jobs.complete(job.orgId, job.id, lease(), {
          auditResultId: stored.id,
        });
        // Not ours any more: roll the result back; the new holder stores its own.
        if (!done) throw new LeaseLost();
        return stored.id;
      });
      jobLog.info({ auditResultId: completed }, "job succeeded");
    } catch (error) {
      await stopBeating();
      if (error instanceof LeaseLost || lost) {
        jobLog.warn("lease lost: another worker runs the job");
        return;
      }
      if (!(error instanceof CalwiseError)) jobLog.error({ err: error }, "job failed");
      const { requestId: _none, ...problem } = problemDetailsOf(error);
      await options.store.jobs.fail(job.orgId, job.id, lease(), problem);
    }
  }

  async function work(): Promise<void> {
    while (!stopped) {
      const orgId = pending.values().next().value;
      if (orgId === undefined) {
        await new Promise<void>((resolve) => (wakeUp = resolve));
        wakeUp = undefined;
        continue;
      }
      // Taken off before the claim, so a wake that arrives while the claim runs (an upload committed just
      // after its query) puts the organisation back instead of being lost until the next sweep.
      pending.delete(orgId);
      try {
        const job = await options.store.jobs.claim(orgId, lease());
        if (job !== undefined) {
          pending.add(orgId);
          await runJob(job);
        }
      } catch (error) {
        log.error({ err: error, orgId }, "job worker error");
        pending.delete(orgId);
      }
    }
  }

  const wake = (orgId: string) => {
    pending.add(orgId);
    wakeUp?.();
  };

  async function sweepAll(): Promise<void> {
    for (const org of await options.store.organisations.list()) wake(org.id);
  }

  return {
    async start() {
      const prefix = `${options.instance}/`;
      for (const org of await options.store.organisations.list()) {
        const requeued = await options.store.jobs.requeueHeldBy(
          org.id,
          prefix,
          now().toISOString(),
        );
        if (requeued > 0) log.info({ orgId: org.id, requeued }, "re-queued jobs left running");
        wake(org.id);
      }
      sweep = setInterval(
        () => void sweepAll().catch((error) => log.error({ err: error }, "sweep")),
        sweepMs,
      );
      sweep.unref();
      running = work();
    },
    wake,
    async stop() {
      stopped = true;
      clearInterval(sweep);
      wakeUp?.();
      await running;
    },
  };
}

class LeaseLost extends Error {}
