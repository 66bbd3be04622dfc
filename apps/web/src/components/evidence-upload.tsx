import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, callApi, type Problem, readCsrfToken } from "../api/api-client.ts";
import { describeEvidenceRefusal } from "../api/describe-evidence-refusal.ts";
import { JobProgress } from "./job-progress.tsx";

interface Sent {
  readonly name: string;
  readonly sent: number;
  readonly size: number;
  readonly jobId?: string;
  readonly error?: string;
}

/**
 * Sends one file as the raw body of POST /v1/customers/{id}/evidence. XMLHttpRequest, not fetch: only it
 * reports upload progress. Answers the job id (202), or throws ApiError with the problem details (the
 * upload's line then says what was wrong in words, as every other screen does).
 */
function uploadFile(
  customerId: string,
  deploymentId: string,
  file: File,
  onProgress: (sent: number) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const query = new URLSearchParams({ fileName: file.name, deploymentId });
    const url = `/v1/customers/${encodeURIComponent(customerId)}/evidence?${query}`;
    request.open("POST", url);
    request.setRequestHeader("content-type", "application/octet-stream");
    request.setRequestHeader("x-csrf-token", readCsrfToken() ?? "");
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () => {
      let body: { id?: string; job?: { id?: string } } | undefined;
      try {
        body = JSON.parse(request.responseText || "{}");
      } catch {
        body = undefined;
      }
      const jobId = body?.job?.id ?? body?.id;
      if (request.status < 300 && jobId !== undefined) resolve(jobId);
      else {
        const problem = body !== undefined && "code" in body ? (body as Problem) : undefined;
        reject(new ApiError(request.status, problem, `HTTP ${request.status}`));
      }
    };
    // Not an ApiError: described as "could not be reached, check your connection".
    request.onerror = () => reject(new Error("the connection was lost during the upload"));
    request.send(file);
  });
}

/** Evidence for a customer: drop or choose export files, see each upload's progress, then its audit's. */
export function EvidenceUpload({ customerId }: { customerId: string }) {
  const [files, setFiles] = useState<Sent[]>([]);
  const [chosen, setChosen] = useState("");
  const deployments = useQuery({
    queryKey: ["customer-deployments", customerId],
    queryFn: ({ signal }) =>
      callApi("get", "/v1/customers/{id}/deployments", { params: { id: customerId }, signal }),
  });
  const list = deployments.data?.deployments ?? [];
  const deploymentId = chosen !== "" ? chosen : (list[list.length - 1]?.id ?? "");
  const update = (name: string, change: Partial<Sent>) =>
    setFiles((list) => list.map((f) => (f.name === name ? { ...f, ...change } : f)));
  const send = (chosen: FileList | null) => {
    for (const file of Array.from(chosen ?? [])) {
      setFiles((list) => [
        ...list.filter((f) => f.name !== file.name),
        { name: file.name, sent: 0, size: file.size },
      ]);
      uploadFile(customerId, deploymentId, file, (sent) => update(file.name, { sent }))
        .then((jobId) => update(file.name, { jobId, sent: file.size }))
        .catch((error: unknown) =>
          update(file.name, { error: describeEvidenceRefusal(error, file.name) }),
        );
    }
  };
  return (
    <section className="card" aria-labelledby="evidence-title">
      <h2 id="evidence-title">Evidence</h2>
      <p>
        Drop the customer's exports here: Security event logs (.evtx), event exports (XML, CSV,
        Winlogbeat JSON lines), User Access Logging and Active Directory exports. calwise reads them
        on the server and counts who used which server.
      </p>
      {deployments.isPending ? (
        <p>Loading the customer's deployments…</p>
      ) : deployments.isError ? (
        <p className="error-text">
          The customer's deployments could not be loaded: {deployments.error.message}
        </p>
      ) : list.length === 0 ? (
        <p className="empty">
          Check a deployment first (above): the audit holds the evidence against its servers and the
          CALs the customer owns.
        </p>
      ) : (
        // Files are taken only once the deployment they are audited against is known: a file chosen while
        // the list was still loading was sent against none and refused.
        <>
          <div className="field">
            <label htmlFor="evidence-deployment">Audit against</label>
            <select
              id="evidence-deployment"
              value={deploymentId}
              onChange={(e) => setChosen(e.target.value)}
            >
              {list.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} (revision {d.latestRevision})
                </option>
              ))}
            </select>
          </div>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a mouse shortcut; the file input inside is the keyboard way */}
          <div
            className="drop-zone"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              send(e.dataTransfer.files);
            }}
          >
            <label htmlFor="evidence-files">Choose files, or drop them here</label>
            <input
              id="evidence-files"
              type="file"
              multiple
              onChange={(e) => send(e.target.files)}
            />
          </div>
        </>
      )}
      {files.length > 0 && (
        <ul className="uploads" aria-live="polite">
          {files.map((f) => (
            <li key={f.name}>
              <span className="code">{f.name}</span>{" "}
              {f.error !== undefined ? (
                <span className="error-text">{f.error}</span>
              ) : f.jobId === undefined ? (
                <>
                  <progress max={f.size || 1} value={f.sent} aria-label={`Uploading ${f.name}`} />{" "}
                  {Math.round((100 * f.sent) / (f.size || 1))} % sent
                </>
              ) : (
                <JobProgress jobId={f.jobId} name={f.name} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
