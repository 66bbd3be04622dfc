import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError, callApi } from "../api/api-client.ts";
import { useCatalog } from "../api/use-catalog.ts";
import { CompliancePosition } from "../components/compliance-position.tsx";
import { CustomerAudits } from "../components/customer-audits.tsx";
import { DeploymentEditor } from "../components/deployment-editor.tsx";
import { DeploymentImport } from "../components/deployment-import.tsx";
import { DeploymentRevisions } from "../components/deployment-revisions.tsx";
import {
  anchorOf,
  checkDocument,
  type DeploymentRows,
  documentOfRows,
  dropBlankRows,
  newDeploymentRows,
  rowsOfDocument,
} from "../components/deployment-rows.ts";
import { EntitlementsPanel } from "../components/entitlements-panel.tsx";
import { EstatePosition } from "../components/estate-position.tsx";
import { EvidenceUpload } from "../components/evidence-upload.tsx";
import { ErrorSummary } from "../components/form-errors.tsx";
import { QuoteDeployment } from "../components/quote-deployment.tsx";
import { RecordNotFound } from "../components/record-not-found.tsx";
import { Skeleton } from "../components/skeleton.tsx";
import { fieldMessage } from "../format/field-message.ts";
import { formatDate } from "../format/format-date.ts";
import { useSession } from "../session/session.ts";

const sample = {
  name: "Front office",
  servers: [{ name: "FS1", product: "ws2022-standard" }],
  users: ["anna", "ben", "cara"],
  devices: ["till1", "till2"],
  accesses: [
    { user: "anna", device: "till1", server: "FS1" },
    { user: "ben", device: "till1", server: "FS1" },
    { user: "cara", device: "till2", server: "FS1" },
  ],
};

const NEW = "new";

/** "servers-2-product" → "Server 3, edition": the error summary's words for a cell. */
function labelOfAnchor(anchor: string): string {
  const nouns: Record<string, string> = {
    servers: "Server",
    users: "User",
    devices: "Device",
    accesses: "Access",
    owned: "Owned CAL",
  };
  const match = /^(\w+)-(\d+)-(\w+)$/.exec(anchor);
  if (match === null) return anchor === "deployment-name" ? "Deployment name" : "Servers";
  const [, list = "", index = "0", field = ""] = match;
  return `${nouns[list] ?? list} ${Number(index) + 1}, ${field.replace(/([A-Z])/g, " $1").toLowerCase()}`;
}

/** One customer: their compliance position, their deployments typed in or imported, revisions, entitlements, evidence. */
export function CustomerScreen() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const catalog = useCatalog();
  const role = useSession()?.user.role;
  // Owners and sales save deployments and check them (the API's editor roles).
  const canEdit = role === "owner" || role === "sales";
  const [chosen, setChosen] = useState<string>();
  const [opened, setOpened] = useState<number>();
  const [rows, setRows] = useState<DeploymentRows>(() => newDeploymentRows());
  const [loaded, setLoaded] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [status, setStatus] = useState<string>();
  const customer = useQuery({
    queryKey: ["customer", id],
    queryFn: ({ signal }) => callApi("get", "/v1/customers/{id}", { params: { id }, signal }),
  });
  const deployments = useQuery({
    queryKey: ["customer-deployments", id],
    // Asked only for a customer that exists: another organisation's id gets one 404, not several.
    enabled: customer.isSuccess,
    queryFn: ({ signal }) =>
      callApi("get", "/v1/customers/{id}/deployments", { params: { id }, signal }),
  });
  const list = deployments.data?.deployments ?? [];
  const deploymentId = chosen ?? list.at(-1)?.id ?? NEW;
  const current = list.find((d) => d.id === deploymentId);
  const revisionShown = opened ?? current?.latestRevision;
  const revision = useQuery({
    queryKey: ["revision", deploymentId, revisionShown],
    enabled: current !== undefined && revisionShown !== undefined,
    queryFn: ({ signal }) =>
      callApi("get", "/v1/deployments/{id}/revisions/{revision}", {
        params: { id: deploymentId, revision: revisionShown ?? 1 } as never,
        signal,
      }),
  });
  const isSql = (product: string) =>
    catalog.data?.products.some((p) => p.id === product && p.services?.sql !== undefined) ??
    product.startsWith("sql");
  // A stored revision fills the editor once when it is chosen; later edits are the user's own.
  const key = `${deploymentId}@${revisionShown ?? ""}`;
  useEffect(() => {
    if (deploymentId === NEW && loaded !== NEW) {
      setRows(newDeploymentRows());
      setLoaded(NEW);
    } else if (revision.data !== undefined && catalog.isSuccess && loaded !== key) {
      setRows(rowsOfDocument(revision.data.document, isSql));
      setLoaded(key);
    }
  });

  const save = useMutation({
    mutationFn: async ({
      document,
      check,
    }: {
      document: Record<string, unknown>;
      check: boolean;
    }) => {
      const saved =
        current === undefined
          ? await callApi("post", "/v1/customers/{id}/deployments", {
              params: { id },
              body: { document },
            }).then((r) => ({ id: r.deployment.id, revision: r.revision.revision }))
          : await callApi("post", "/v1/deployments/{id}/revisions", {
              params: { id: current.id },
              body: { document },
            }).then((r) => ({ id: current.id, revision: r.revision }));
      const evaluation = check
        ? await callApi("post", "/v1/deployments/{id}/evaluations", {
            params: { id: saved.id },
            body: {},
          })
        : undefined;
      return { ...saved, evaluation };
    },
    onSuccess: async (saved) => {
      setChosen(saved.id);
      setOpened(undefined);
      setLoaded(`${saved.id}@${saved.revision}`);
      await Promise.all(
        [
          ["customer-deployments", id],
          ["position", id],
          ["deployment", saved.id],
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      if (saved.evaluation !== undefined) navigate(`/evaluations/${saved.evaluation.id}`);
      else setStatus(`Saved as revision ${saved.revision}.`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) {
        const byPath: Record<string, string> = {};
        for (const p of error.problem?.problems ?? [])
          byPath[p.path] ??= p.expected
            ? `${fieldMessage(p.message)} (expected ${p.expected})`
            : fieldMessage(p.message);
        setErrors(byPath);
        setMessage("The deployment has problems: correct the highlighted cells.");
      } else setMessage("The deployment could not be saved. Try again in a moment.");
    },
  });
  const submit = (check: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    setStatus(undefined);
    // Rows added and left empty are dropped first, so the paths of the problems name the rows shown.
    const kept = dropBlankRows(rows);
    setRows(kept);
    const document = documentOfRows(kept);
    const problems = checkDocument(document);
    setErrors(problems);
    if (Object.keys(problems).length > 0)
      return setMessage("The deployment has problems: correct the highlighted cells.");
    setMessage(undefined);
    save.mutate({ document, check });
  };
  const summary: Record<string, string> = {};
  for (const [path, text] of Object.entries(errors)) summary[anchorOf(path)] ??= text;
  const labels = Object.fromEntries(Object.keys(summary).map((a) => [a, labelOfAnchor(a)]));

  if (customer.isPending)
    return (
      <section className="page">
        <Skeleton lines={6} />
      </section>
    );
  if (customer.isError) return <RecordNotFound kind="customer" error={customer.error} />;
  return (
    <section className="page" aria-labelledby="customer-title">
      {/* The customers list is staff's; a customer's account has only this screen. */}
      {role !== "customer" && (
        <p className="breadcrumb">
          <Link to="/customers">Customers</Link> /
        </p>
      )}
      <h1 id="customer-title">{customer.data.name}</h1>
      <p className="lead">
        {customer.data.reference === null
          ? "Added"
          : `Your reference ${customer.data.reference} · added`}{" "}
        {formatDate(customer.data.createdAt)}
      </p>
      <CompliancePosition customerId={id} />
      <EstatePosition customerId={id} />
      {canEdit ? (
        <form className="card" onSubmit={submit(true)} noValidate aria-labelledby="check-title">
          <h2 id="check-title">Check a deployment</h2>
          <p>
            The customer's servers, users, devices and who uses what. calwise works out the CALs
            they need, what they own, and what to buy to close the gap. Every save is a new
            revision.
          </p>
          {/* Nothing here acts before the customer's deployments and the revision shown are known: before, the
              form stood as "a new deployment", so a file imported while they loaded was overwritten by the stored
              revision when it came, or saved as a second deployment instead of the next revision. */}
          {deployments.isPending || (current !== undefined && revision.isPending) ? (
            <>
              <p>Loading the customer's deployments…</p>
              <Skeleton lines={6} />
            </>
          ) : deployments.isError ? (
            <p className="error-text">
              The customer's deployments could not be loaded. Reload the page to try again.
            </p>
          ) : catalog.isPending ? (
            // The editor's edition, SQL Server and CAL lists come from the catalog: empty lists would let a
            // server be saved with no edition, and a file read earlier would tell SQL Server by its name only.
            <>
              <p>Loading the editions and CAL types…</p>
              <Skeleton lines={6} />
            </>
          ) : catalog.isError ? (
            <p className="error-text">
              The editions and CAL types could not be loaded. Reload the page to try again.
            </p>
          ) : (
            <>
              <div className="field">
                <label htmlFor="deployment-choice">Editing</label>
                <select
                  id="deployment-choice"
                  value={deploymentId}
                  onChange={(e) => {
                    setChosen(e.target.value);
                    setOpened(undefined);
                    setErrors({});
                    setMessage(undefined);
                  }}
                >
                  {list.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name} (revision {d.latestRevision})
                    </option>
                  ))}
                  <option value={NEW}>a new deployment</option>
                </select>
                {opened !== undefined &&
                  current !== undefined &&
                  opened !== current.latestRevision && (
                    <p className="warning">
                      Revision {opened} is open: saving makes it revision{" "}
                      {current.latestRevision + 1}.
                    </p>
                  )}
              </div>
              <DeploymentImport
                customerId={id}
                base={() => documentOfRows(dropBlankRows(rows))}
                onImported={(document, fileName) => {
                  setRows(rowsOfDocument(document, isSql));
                  setErrors({});
                  setMessage(undefined);
                  setStatus(`Read ${fileName}: check the tables, then save.`);
                }}
              />
              <ErrorSummary errors={summary} labels={labels} message={message} />
              {status !== undefined && (
                <p role="status" className="status-ok">
                  {status}
                </p>
              )}
              {current !== undefined && revision.isPending ? (
                <Skeleton lines={6} />
              ) : (
                <DeploymentEditor
                  rows={rows}
                  onChange={setRows}
                  errors={errors}
                  catalog={catalog.data}
                />
              )}
              <div className="actions">
                <button type="submit" className="button" disabled={save.isPending}>
                  Check compliance
                </button>
                <button
                  type="button"
                  className="button-quiet"
                  disabled={save.isPending}
                  onClick={submit(false)}
                >
                  Save revision
                </button>
                <button
                  type="button"
                  className="button-quiet"
                  onClick={() => setRows(rowsOfDocument(sample, isSql))}
                >
                  Try a sample
                </button>
              </div>
              {/* Owners and sales make quotes (the API's editor roles): of the stored revision, not unsaved edits. */}
              {current !== undefined &&
                revisionShown !== undefined &&
                (role === "owner" || role === "sales") && (
                  <QuoteDeployment
                    customerId={id}
                    deploymentId={current.id}
                    revision={revisionShown}
                  />
                )}
            </>
          )}
        </form>
      ) : (
        // Auditors and customer accounts read: the API lets only owners and sales change a deployment.
        <section className="card" aria-labelledby="deployments-title">
          <h2 id="deployments-title">Deployments</h2>
          <p>
            {role === "customer"
              ? "Your reseller keeps your servers, users and devices here and checks them; each check above shows what was checked and what to buy."
              : "Owners and sales agents change deployments; each check above shows what was checked and what to buy."}
          </p>
        </section>
      )}
      {canEdit && current !== undefined && (
        <DeploymentRevisions
          deploymentId={current.id}
          opened={revisionShown}
          onOpen={(n) => {
            setOpened(n);
            setErrors({});
            setStatus(undefined);
          }}
        />
      )}
      <EntitlementsPanel customerId={id} />
      <CustomerAudits customerId={id} />
      {/* Staff upload evidence (the API's staff roles); a customer's account reads its audits above. */}
      {role !== "customer" && <EvidenceUpload customerId={id} />}
    </section>
  );
}
