import { useMutation, useQuery } from "@tanstack/react-query";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError, callApi } from "../api/api-client.ts";
import { EvidenceUpload } from "../components/evidence-upload.tsx";
import { Field } from "../components/field.tsx";
import { ErrorSummary, type FieldErrors, fieldErrorsOfApi } from "../components/form-errors.tsx";
import { Skeleton } from "../components/skeleton.tsx";
import { formatDate } from "../format/format-date.ts";

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

/** One customer: who they are, and checking a deployment of theirs (its compliance position opens next). */
export function CustomerScreen() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const customer = useQuery({
    queryKey: ["customer", id],
    queryFn: ({ signal }) => callApi("get", "/v1/customers/{id}", { params: { id }, signal }),
  });
  const evaluate = useMutation({
    mutationFn: (deployment: Record<string, unknown>) =>
      callApi("post", "/v1/evaluations", { body: { deployment, customerId: id } }),
    onSuccess: (evaluation) => navigate(`/evaluations/${evaluation.id}`),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) {
        setErrors(fieldErrorsOfApi(error));
        setMessage(
          `The deployment has problems: ${error.problem?.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`,
        );
      } else setMessage("The deployment could not be checked. Try again in a moment.");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return setErrors({ deployment: `This is not JSON (${(error as Error).message})` });
    }
    if (typeof data !== "object" || data === null || Array.isArray(data))
      return setErrors({
        deployment: "A deployment is a JSON object with servers, users, devices and accesses",
      });
    setMessage(undefined);
    evaluate.mutate(data as Record<string, unknown>);
  };
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file !== undefined) setText(await file.text());
  };

  if (customer.isPending)
    return (
      <section className="page">
        <Skeleton lines={6} />
      </section>
    );
  if (customer.isError)
    return (
      <section className="page">
        <h1>Customer not found</h1>
        <p>
          There is no such customer in your organisation.{" "}
          <Link to="/customers">Back to the customers</Link>.
        </p>
      </section>
    );
  return (
    <section className="page" aria-labelledby="customer-title">
      <p className="breadcrumb">
        <Link to="/customers">Customers</Link> /
      </p>
      <h1 id="customer-title">{customer.data.name}</h1>
      <p className="lead">
        Reference: {customer.data.reference ?? "none"} · added {formatDate(customer.data.createdAt)}
      </p>
      <form className="card" onSubmit={submit} noValidate aria-labelledby="check-title">
        <h2 id="check-title">Check a deployment</h2>
        <p>
          Give the customer's servers, users, devices and who uses what (a calwise deployment in
          JSON). calwise works out the CALs they need, what they own, and what to buy to close the
          gap.
        </p>
        <ErrorSummary errors={errors} labels={{ deployment: "Deployment" }} message={message} />
        <div className="field">
          <label htmlFor="deployment-file">Open a deployment file (.json)</label>
          <input
            id="deployment-file"
            type="file"
            accept=".json,application/json"
            onChange={readFile}
          />
        </div>
        <Field id="deployment" label="Deployment" error={errors.deployment}>
          {(control) => (
            <textarea
              {...control}
              rows={12}
              spellCheck={false}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button
            type="submit"
            className="button"
            disabled={evaluate.isPending || text.trim() === ""}
          >
            Check compliance
          </button>
          <button
            type="button"
            className="button-quiet"
            onClick={() => setText(JSON.stringify(sample, null, 2))}
          >
            Try a sample
          </button>
        </div>
      </form>
      <EvidenceUpload customerId={id} />
    </section>
  );
}
