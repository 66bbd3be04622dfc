import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { callApi, type Schema } from "../api/api-client.ts";
import { describeAuditFailure } from "../api/describe-evidence-refusal.ts";
import { formatBytes } from "./evidence-kind.ts";

type Job = Schema<"Job">;

/** How long the stream may stay silent before the job is read directly instead. */
const stallMs = 15_000;

function ended(job: Job | undefined): boolean {
  return job?.state === "succeeded" || job?.state === "failed";
}

/**
 * Follows a job through the server's event stream (GET /v1/jobs/{id}/events: a `job` event on every change,
 * closed once it ends). Only when the stream fails (a proxy that buffers, a dropped connection) or stays
 * silent for `stallMs` (a connection that neither delivers nor errors: seen under heavy load in the browser
 * tests) does it fall back to reading the job (GET /v1/jobs/{id}) every second.
 */
export function useJob(jobId: string): Job | undefined {
  const [streamed, setStreamed] = useState<Job>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const source = new EventSource(`/v1/jobs/${encodeURIComponent(jobId)}/events`);
    let stalled: ReturnType<typeof setTimeout> | undefined;
    const giveUp = () => {
      clearTimeout(stalled);
      source.close();
      setFailed(true);
    };
    const watch = () => {
      clearTimeout(stalled);
      stalled = setTimeout(giveUp, stallMs);
    };
    watch();
    source.addEventListener("job", (event) => {
      const job = JSON.parse((event as MessageEvent<string>).data) as Job;
      setStreamed(job);
      // The server ends the stream after this; closing first keeps EventSource from reconnecting.
      if (ended(job)) {
        clearTimeout(stalled);
        source.close();
      } else watch();
    });
    source.onerror = giveUp;
    return () => {
      clearTimeout(stalled);
      source.close();
    };
  }, [jobId]);
  const polled = useQuery({
    queryKey: ["job", jobId],
    enabled: failed && !ended(streamed),
    queryFn: ({ signal }) => callApi("get", "/v1/jobs/{id}", { params: { id: jobId }, signal }),
    refetchInterval: (query) => (ended(query.state.data) ? false : 1000),
  });
  return polled.data ?? streamed;
}

/** A job's state and progress (bytes read of the total, when known), then a link to its audit. */
export function JobProgress({ jobId, name }: { jobId: string; name: string }) {
  const job = useJob(jobId);
  const queryClient = useQueryClient();
  const auditReady = job?.auditId ?? null;
  // A new audit joins its customer's list of audits.
  useEffect(() => {
    if (auditReady !== null) void queryClient.invalidateQueries({ queryKey: ["customer-audits"] });
  }, [auditReady, queryClient]);
  if (job === undefined) return <span>queued…</span>;
  const { state, progress, auditId } = job;
  if (state === "succeeded" && auditId !== null)
    return <Link to={`/audits/${auditId}`}>Audit ready: open it</Link>;
  if (state === "failed")
    return (
      <span className="error-text">
        The audit failed: {describeAuditFailure(String(job.error?.detail ?? "see the server log"))}
      </span>
    );
  return (
    <span>
      {progress.total !== null && progress.total > 0 && (
        <>
          <progress
            max={progress.total}
            value={progress.done}
            aria-label={`Reading ${name}`}
          />{" "}
        </>
      )}
      {/* Progress is the bytes read of all the files' bytes. */}
      {state === "queued" ? "Waiting to be read" : "Reading"}: {formatBytes(progress.done)}
      {progress.total === null ? "" : ` of ${formatBytes(progress.total)}`}
    </span>
  );
}
