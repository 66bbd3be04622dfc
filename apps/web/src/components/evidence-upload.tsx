import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, callApi, type Problem, readCsrfToken, type Schema } from "../api/api-client.ts";
import { describeApiError } from "../api/describe-api-error.ts";
import { describeEvidenceRefusal } from "../api/describe-evidence-refusal.ts";
import { formatCountOf } from "../format/format-count.ts";
import { formatDateTime } from "../format/format-date.ts";
import { describeEvidenceKind, formatBytes } from "./evidence-kind.ts";
import { JobProgress } from "./job-progress.tsx";

type Upload = Schema<"EvidenceUpload">;

/** A file of the audit being put together: sending, stored (with the kind the server saw), or refused. */
interface Chosen {
  /** The file's name while it is sent, then the stored upload's id. */
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly sent: number;
  readonly upload?: Upload;
  readonly error?: string;
}

/**
 * Stores one file for the customer (POST /v1/customers/{id}/evidence-files, the raw body), without auditing
 * it yet: the answer says which kind of evidence its bytes are. XMLHttpRequest, not fetch: only it reports
 * upload progress. Throws ApiError with the problem details when refused.
 */
function storeFile(
  customerId: string,
  file: File,
  onProgress: (sent: number) => void,
): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const query = new URLSearchParams({ fileName: file.name });
    request.open("POST", `/v1/customers/${encodeURIComponent(customerId)}/evidence-files?${query}`);
    request.setRequestHeader("content-type", "application/octet-stream");
    request.setRequestHeader("x-csrf-token", readCsrfToken() ?? "");
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () => {
      let body: { uploads?: Upload[] } | undefined;
      try {
        body = JSON.parse(request.responseText || "{}");
      } catch {
        body = undefined;
      }
      const upload = body?.uploads?.[0];
      if (request.status < 300 && upload !== undefined) resolve(upload);
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

/** One row of the files to audit: name, kind, size, and a way to take it out before the audit starts. */
function ChosenRow({ file, onRemove }: { file: Chosen; onRemove: () => void }) {
  return (
    <li className="chosen-file">
      <span className="code chosen-name">{file.name}</span>
      <span className="chosen-kind">
        {file.error !== undefined ? (
          <span className="error-text">{file.error}</span>
        ) : file.upload === undefined ? (
          <>
            <progress
              max={file.size || 1}
              value={file.sent}
              aria-label={`Uploading ${file.name}`}
            />{" "}
            {Math.round((100 * file.sent) / (file.size || 1))} % sent
          </>
        ) : (
          <>
            {describeEvidenceKind(file.upload.format)}{" "}
            <span className="hint">({file.upload.format})</span>
          </>
        )}
      </span>
      <span className="num chosen-size">{formatBytes(file.size)}</span>
      <button
        type="button"
        className="button-quiet"
        onClick={onRemove}
        aria-label={`Remove ${file.name}`}
      >
        Remove
      </button>
    </li>
  );
}

/**
 * Evidence for a customer, audited together as `calwise audit` does: drop or choose several exports (logon
 * logs with the AD inventory, UAL, accesses), or add files uploaded before; each is stored at once and shown
 * with the kind the server detected and its size, and can be removed; "Audit" then starts one audit over all
 * of them (POST /v1/customers/{id}/audits) and follows its job.
 */
export function EvidenceUpload({ customerId }: { customerId: string }) {
  const [files, setFiles] = useState<Chosen[]>([]);
  const [chosenDeployment, setChosenDeployment] = useState("");
  const [job, setJob] = useState<{ id: string; names: string } | undefined>();
  const [startError, setStartError] = useState<string>();
  const [starting, setStarting] = useState(false);
  const queryClient = useQueryClient();
  const deployments = useQuery({
    queryKey: ["customer-deployments", customerId],
    queryFn: ({ signal }) =>
      callApi("get", "/v1/customers/{id}/deployments", { params: { id: customerId }, signal }),
  });
  const earlier = useQuery({
    queryKey: ["customer-evidence-files", customerId],
    queryFn: ({ signal }) =>
      callApi("get", "/v1/customers/{id}/evidence-files", { params: { id: customerId }, signal }),
  });
  const list = deployments.data?.deployments ?? [];
  const deploymentId =
    chosenDeployment !== "" ? chosenDeployment : (list[list.length - 1]?.id ?? "");
  const update = (key: string, change: Partial<Chosen>) =>
    setFiles((all) => all.map((f) => (f.key === key ? { ...f, ...change } : f)));
  const remove = (key: string) => setFiles((all) => all.filter((f) => f.key !== key));
  const add = (picked: FileList | null) => {
    setStartError(undefined);
    for (const file of Array.from(picked ?? [])) {
      const key = `sending:${file.name}:${file.size}:${file.lastModified}`;
      setFiles((all) => [
        ...all.filter((f) => f.key !== key),
        { key, name: file.name, size: file.size, sent: 0 },
      ]);
      storeFile(customerId, file, (sent) => update(key, { sent }))
        .then((upload) => {
          // The same content chosen twice is one upload: one row. A file removed while it was sent stays out.
          setFiles((all) =>
            all.some((f) => f.key === key)
              ? all
                  .filter((f) => f.key !== upload.id)
                  .map((f) =>
                    f.key === key ? { ...f, key: upload.id, upload, sent: file.size } : f,
                  )
              : all,
          );
          void queryClient.invalidateQueries({ queryKey: ["customer-evidence-files", customerId] });
        })
        .catch((error: unknown) =>
          update(key, { error: describeEvidenceRefusal(error, file.name) }),
        );
    }
  };
  const addEarlier = (upload: Upload) => {
    setFiles((all) =>
      all.some((f) => f.key === upload.id)
        ? all
        : [
            ...all,
            {
              key: upload.id,
              name: upload.fileName,
              size: upload.sizeBytes,
              sent: upload.sizeBytes,
              upload,
            },
          ],
    );
  };
  const stored = files.filter((f) => f.upload !== undefined);
  const sending = files.some((f) => f.upload === undefined && f.error === undefined);
  const start = async () => {
    setStarting(true);
    setStartError(undefined);
    try {
      const accepted = await callApi("post", "/v1/customers/{id}/audits", {
        params: { id: customerId },
        body: { uploadIds: stored.map((f) => f.key), deploymentId },
      });
      setJob({ id: accepted.job.id, names: stored.map((f) => f.name).join(", ") });
      setFiles([]);
    } catch (error) {
      setStartError(describeApiError(error, "Starting the audit"));
    } finally {
      setStarting(false);
    }
  };
  const notChosen = (earlier.data?.uploads ?? []).filter((u) => !files.some((f) => f.key === u.id));
  return (
    <section className="card" aria-labelledby="evidence-title">
      <h2 id="evidence-title">Evidence</h2>
      <p>
        Add the customer's exports, all of them for one audit: Security event logs (.evtx), event
        exports (XML, CSV, Winlogbeat JSON lines), User Access Logging and the Active Directory user
        and computer exports. calwise reads them together on the server, as one audit, and counts
        who used which server.
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
        // Files are taken only once the deployment they are audited against is known.
        <>
          <div className="field">
            <label htmlFor="evidence-deployment">Audit against</label>
            <select
              id="evidence-deployment"
              value={deploymentId}
              onChange={(e) => setChosenDeployment(e.target.value)}
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
              add(e.dataTransfer.files);
            }}
          >
            <label htmlFor="evidence-files">
              Choose files, or drop them here (several at once)
            </label>
            <input
              id="evidence-files"
              type="file"
              multiple
              onChange={(e) => {
                add(e.target.files);
                e.target.value = "";
              }}
            />
          </div>
          {notChosen.length > 0 && (
            <details className="earlier-uploads">
              <summary>Add files uploaded before ({notChosen.length})</summary>
              <ul className="uploads">
                {notChosen.map((u) => (
                  <li key={u.id} className="chosen-file">
                    <span className="code chosen-name">{u.fileName}</span>
                    <span className="chosen-kind">
                      {describeEvidenceKind(u.format)}, {formatDateTime(u.createdAt)}
                    </span>
                    <span className="num chosen-size">{formatBytes(u.sizeBytes)}</span>
                    <button
                      type="button"
                      className="button-quiet"
                      onClick={() => addEarlier(u)}
                      aria-label={`Add ${u.fileName}`}
                    >
                      Add
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {files.length > 0 && (
            <>
              <h3 id="audit-files-title">Files for this audit</h3>
              <ul className="uploads" aria-labelledby="audit-files-title" aria-live="polite">
                {files.map((f) => (
                  <ChosenRow key={f.key} file={f} onRemove={() => remove(f.key)} />
                ))}
              </ul>
              <button
                type="button"
                className="button"
                disabled={stored.length === 0 || sending || starting}
                onClick={() => void start()}
              >
                {sending
                  ? "Waiting for the files…"
                  : `Audit ${formatCountOf(stored.length, "file")} together`}
              </button>
              {startError !== undefined && <p className="error-text">{startError}</p>}
            </>
          )}
        </>
      )}
      {job !== undefined && (
        <ul className="uploads" aria-live="polite">
          <li>
            <span className="code">{job.names}</span>:{" "}
            <JobProgress jobId={job.id} name={job.names} />
          </li>
        </ul>
      )}
    </section>
  );
}
