import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { z } from "zod";
import { ApiError, callApi } from "../api/api-client.ts";
import { Field } from "../components/field.tsx";
import {
  ErrorSummary,
  type FieldErrors,
  fieldErrorsOf,
  fieldErrorsOfApi,
} from "../components/form-errors.tsx";
import { LoadError } from "../components/load-error.tsx";
import { Skeleton } from "../components/skeleton.tsx";
import { formatDate } from "../format/format-date.ts";

/** A new customer: the same limits as the API's CustomerFields schema. */
export const customerFormSchema = z.object({
  name: z.string().trim().min(1, "Enter the customer's name").max(300, "At most 300 characters"),
  reference: z
    .string()
    .trim()
    .max(200, "At most 200 characters")
    .transform((r) => (r === "" ? null : r)),
});

const labels = { name: "Customer name", reference: "Your reference (optional)" };

/** The organisation's customers: a filterable list and a form to add one. */
export function CustomersScreen() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [filter, setFilter] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const customers = useQuery({
    queryKey: ["customers"],
    queryFn: ({ signal }) => callApi("get", "/v1/customers", { signal }),
  });
  const create = useMutation({
    mutationFn: (body: z.output<typeof customerFormSchema>) =>
      callApi("post", "/v1/customers", { body }),
    onSuccess: (customer) => {
      void queryClient.invalidateQueries({ queryKey: ["customers"] });
      navigate(`/customers/${customer.id}`);
    },
    onError: (error) => error instanceof ApiError && setErrors(fieldErrorsOfApi(error)),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = customerFormSchema.safeParse(
      Object.fromEntries(new FormData(event.currentTarget)),
    );
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    setErrors({});
    create.mutate(parsed.data);
  };
  const needle = filter.trim().toLowerCase();
  const list = (customers.data?.customers ?? []).filter(
    (c) =>
      needle === "" ||
      c.name.toLowerCase().includes(needle) ||
      (c.reference ?? "").toLowerCase().includes(needle),
  );
  const failed =
    create.error !== null && !(create.error instanceof ApiError && create.error.status === 400);

  return (
    <section className="page" aria-labelledby="customers-title">
      <h1 id="customers-title">Customers</h1>
      <div className="two-columns">
        <div className="card">
          <h2>Your customers</h2>
          <div className="field">
            <label htmlFor="customer-filter">Filter by name or reference</label>
            <input
              id="customer-filter"
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          </div>
          {customers.isPending ? (
            <Skeleton lines={4} />
          ) : customers.isError ? (
            <LoadError error={customers.error} what="The customers" />
          ) : customers.data.customers.length === 0 ? (
            <p className="empty">
              No customers yet. Add the first one with the form: its deployments, compliance and
              quotes are kept under it.
            </p>
          ) : (
            <table className="table">
              <caption className="visually-hidden">Customers</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Reference</th>
                  <th scope="col">Added</th>
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/customers/${c.id}`}>{c.name}</Link>
                    </td>
                    <td>{c.reference ?? "—"}</td>
                    <td>{formatDate(c.createdAt)}</td>
                  </tr>
                ))}
                {list.length === 0 && (
                  <tr>
                    <td colSpan={3}>No customer matches “{filter}”.</td>
                  </tr>
                )}
              </tbody>
            </table>
          )}
        </div>
        <form className="card" onSubmit={submit} noValidate aria-labelledby="new-customer-title">
          <h2 id="new-customer-title">Add a customer</h2>
          <ErrorSummary
            errors={errors}
            labels={labels}
            message={failed ? "The customer could not be saved. Try again in a moment." : undefined}
          />
          {(["name", "reference"] as const).map((field) => (
            <Field key={field} id={field} label={labels[field]} error={errors[field]}>
              {(control) => <input {...control} name={field} autoComplete="off" />}
            </Field>
          ))}
          <button type="submit" className="button" disabled={create.isPending}>
            Add customer
          </button>
        </form>
      </div>
    </section>
  );
}
