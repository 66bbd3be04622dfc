import { saleQuestionSchema } from "@calwise/app/sale-question";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { z } from "zod";
import { ApiError, callApi, type Schema } from "../api/api-client.ts";
import { useCatalog } from "../api/use-catalog.ts";
import { Field } from "../components/field.tsx";
import {
  ErrorSummary,
  type FieldErrors,
  fieldErrorsOf,
  fieldErrorsOfApi,
} from "../components/form-errors.tsx";
import { Skeleton } from "../components/skeleton.tsx";

const count = (what: string) =>
  z.coerce
    .number({ error: `Enter how many ${what}` })
    .int("Whole numbers only")
    .min(0, "Zero or more")
    .max(5000, "At most 5000");

/** The scenario form: the API's limits, then the question checked by the app's own saleQuestionSchema. */
export const scenarioFormSchema = z
  .object({
    title: z.string().trim().min(1, "Give the scenario a title").max(120, "At most 120 characters"),
    product: z.string().min(1, "Choose the edition sold"),
    users: count("staff"),
    devices: count("devices"),
    sharedDevices: count("shared devices"),
    rds: z.literal("on").optional(),
    note: z.string().trim().max(1000, "At most 1000 characters"),
  })
  .refine((f) => f.sharedDevices <= f.devices, {
    path: ["sharedDevices"],
    message: "No more shared devices than devices",
  })
  .transform((f) => ({
    title: f.title,
    note: f.note,
    question: saleQuestionSchema.parse({
      product: f.product,
      users: f.users,
      devices: f.devices,
      sharedDevices: f.sharedDevices,
      rds: f.rds === "on",
    }),
  }));

const labels = {
  title: "Title",
  product: "Edition sold",
  users: "Staff",
  devices: "Devices",
  sharedDevices: "Shared devices",
  question: "Question",
  note: "Note for the agent (optional)",
};

/** The owner's own training scenarios: a form to add one (checked by the engine), the list, retire. */
export function TrainingScenariosScreen() {
  const queryClient = useQueryClient();
  const catalog = useCatalog();
  const [errors, setErrors] = useState<FieldErrors>({});
  const scenarios = useQuery({
    queryKey: ["training-scenarios"],
    queryFn: ({ signal }) => callApi("get", "/v1/training/scenarios", { signal }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["training-scenarios"] });
  const create = useMutation({
    mutationFn: (body: Schema<"NewTrainingScenario">) =>
      callApi("post", "/v1/training/scenarios", { body }),
    onSuccess: () => void refresh(),
    onError: (error) => error instanceof ApiError && setErrors(fieldErrorsOfApi(error)),
  });
  const retire = useMutation({
    mutationFn: (id: string) =>
      callApi("post", "/v1/training/scenarios/{id}/retire", { params: { id } }),
    onSuccess: () => void refresh(),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = scenarioFormSchema.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    setErrors({});
    create.mutate(parsed.data, { onSuccess: () => form.reset() });
  };
  const editions = (catalog.data?.products ?? []).filter((p) => p.kind === "operating-system");
  const list = scenarios.data?.scenarios ?? [];
  return (
    <section className="page" aria-labelledby="scenarios-title">
      <p className="breadcrumb">
        <Link to="/training">Training</Link>
      </p>
      <h1 id="scenarios-title">Your own training scenarios</h1>
      <p className="lead">
        The customers your agents really meet. Each scenario is answered by the engine before it is
        saved, and drawn for exercises until you retire it.
      </p>
      <div className="two-columns">
        <div className="card">
          <h2>Add a scenario</h2>
          <ErrorSummary errors={errors} labels={labels} />
          <form onSubmit={submit} noValidate>
            <Field
              id="title"
              label={labels.title}
              hint="What the agent sees first, e.g. The dental practice"
              error={errors.title}
            >
              {(control) => <input {...control} name="title" type="text" />}
            </Field>
            <Field id="product" label={labels.product} error={errors.product ?? errors.question}>
              {(control) => (
                <select {...control} name="product" defaultValue="">
                  <option value="">Choose an edition</option>
                  {editions.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className="field-row">
              <Field id="users" label={labels.users} error={errors.users}>
                {(control) => (
                  <input {...control} name="users" type="number" min={0} inputMode="numeric" />
                )}
              </Field>
              <Field id="devices" label={labels.devices} error={errors.devices}>
                {(control) => (
                  <input {...control} name="devices" type="number" min={0} inputMode="numeric" />
                )}
              </Field>
              <Field
                id="sharedDevices"
                label={labels.sharedDevices}
                hint="Of those devices"
                error={errors.sharedDevices}
              >
                {(control) => (
                  <input
                    {...control}
                    name="sharedDevices"
                    type="number"
                    min={0}
                    inputMode="numeric"
                    defaultValue={0}
                  />
                )}
              </Field>
            </div>
            <div className="checkbox">
              <input id="rds" name="rds" type="checkbox" />
              <label htmlFor="rds">They work through Remote Desktop</label>
            </div>
            <Field id="note" label={labels.note} error={errors.note}>
              {(control) => <textarea {...control} name="note" rows={2} />}
            </Field>
            <button type="submit" className="button" disabled={create.isPending}>
              Add scenario
            </button>
          </form>
        </div>
        <div className="card">
          <h2>In use</h2>
          {scenarios.isPending ? (
            <Skeleton lines={3} />
          ) : list.length === 0 ? (
            <p className="empty">
              No scenarios of your own yet. Add the customers your agents meet most; until then,
              exercises come from calwise's generated customers.
            </p>
          ) : (
            <ul className="scenario-list">
              {list.map((s) => (
                <li key={s.id}>
                  <strong>{s.title}</strong>: {s.question.users} staff, {s.question.devices} devices
                  {s.question.sharedDevices > 0 ? ` (${s.question.sharedDevices} shared)` : ""}
                  {s.question.rds ? ", Remote Desktop" : ""}
                  {s.note !== null && <span className="hint"> · {s.note}</span>}{" "}
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => retire.mutate(s.id)}
                    aria-label={`Retire ${s.title}`}
                  >
                    Retire
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
