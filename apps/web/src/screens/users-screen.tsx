import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { z } from "zod";
import { type AnswerOf, ApiError, callApi, type Schema } from "../api/api-client.ts";
import { describeApiError } from "../api/describe-api-error.ts";
import { Field } from "../components/field.tsx";
import {
  ErrorSummary,
  type FieldErrors,
  fieldErrorsOf,
  fieldErrorsOfApi,
} from "../components/form-errors.tsx";
import { LoadError } from "../components/load-error.tsx";
import { Skeleton } from "../components/skeleton.tsx";
import { TableScroll } from "../components/table-scroll.tsx";
import { formatDate, formatDateTime } from "../format/format-date.ts";
import { useSession } from "../session/session.ts";

type User = Schema<"User">;
type Invitation = AnswerOf<"post", "/v1/users/{id}/invitation">;
type Role = User["role"];

const roleWords: Readonly<Record<Role, string>> = {
  owner: "Owner (everything, users too)",
  sales: "Sales (customers, price lists, quotes)",
  auditor: "Auditor (reads and checks)",
  customer: "Customer (reads its own records)",
};

/** The add-user form's data: the API's limits, in the form's words. */
const newUserFormSchema = z
  .object({
    email: z.email("Enter an email address such as name@example.com").max(320),
    displayName: z.string().trim().max(200),
    role: z.enum(["owner", "sales", "auditor", "customer"]),
    customerId: z.string().optional(),
  })
  .refine((u) => u.role !== "customer" || (u.customerId ?? "") !== "", {
    message: "Choose the customer this user reads",
    path: ["customerId"],
  });

const labels = {
  email: "Email address",
  displayName: "Name (optional)",
  role: "Role",
  customerId: "Customer",
};

/**
 * A customer account's role cell: which customer it reads, by name with a link to it, from the customers list
 * the screen loads (said in words while that list loads or if it failed).
 */
function CustomerOf(props: {
  readonly customerId: string | null;
  readonly customers: {
    readonly data?: AnswerOf<"get", "/v1/customers">;
    readonly isError: boolean;
  };
}) {
  const { customerId, customers } = props;
  if (customerId === null) return "Customer";
  const customer = customers.data?.customers.find((c) => c.id === customerId);
  if (customer !== undefined)
    return (
      <>
        Customer of <Link to={`/customers/${customer.id}`}>{customer.name}</Link>
      </>
    );
  return (
    <>
      Customer{" "}
      <span className="hint">
        {customers.data !== undefined
          ? "(its customer was removed)"
          : customers.isError
            ? "(the customer's name could not be loaded)"
            : "(loading the customer's name…)"}
      </span>
    </>
  );
}

/** The one-time invitation link: shown once, as the API shows the token once. */
function InvitationLink({
  invitation,
  email,
}: {
  invitation: Invitation & { slug: string };
  email: string;
}) {
  const link = `${window.location.origin}/accept-invitation#${new URLSearchParams({
    token: invitation.token,
    org: invitation.slug,
    email,
  })}`;
  return (
    <div className="invitation" role="status">
      <h2>Invitation for {email}</h2>
      <p>
        Send this link to {email}. It is shown only now, works once, and expires{" "}
        {formatDateTime(invitation.expiresAt)}.
      </p>
      <label htmlFor="invitation-link">Invitation link</label>
      <input
        id="invitation-link"
        className="invitation-link"
        type="text"
        readOnly
        value={link}
        onFocus={(e) => e.target.select()}
      />
    </div>
  );
}

/**
 * The organisation's users (owners only): add one and hand over a one-time invitation link, invite again
 * (a forgotten password), change a role, remove. The organisation always keeps an active owner: the API
 * refuses (409) and the screen says why.
 */
export function UsersScreen() {
  const session = useSession();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [role, setRole] = useState<Role>("sales");
  const [invitation, setInvitation] = useState<{
    invitation: Invitation & { slug: string };
    email: string;
  }>();
  const [confirming, setConfirming] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const users = useQuery({
    queryKey: ["users"],
    queryFn: ({ signal }) => callApi("get", "/v1/users", { signal }),
  });
  const customers = useQuery({
    queryKey: ["customers"],
    queryFn: ({ signal }) => callApi("get", "/v1/customers", { signal }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["users"] });
  const slug = session?.organisation.slug ?? "";
  const invite = async (user: { id: string; email: string }) => {
    const answer = await callApi("post", "/v1/users/{id}/invitation", { params: { id: user.id } });
    setInvitation({ invitation: { ...answer, slug }, email: user.email });
  };
  const add = useMutation({
    mutationFn: async (body: Schema<"NewUser">) => {
      const user = await callApi("post", "/v1/users", { body });
      await invite(user);
      return user;
    },
    onSuccess: () => {
      setErrors({});
      void refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) setErrors(fieldErrorsOfApi(error));
    },
  });
  const act = useMutation({
    mutationFn: async (action: () => Promise<unknown>) => action(),
    onMutate: () => setProblem(undefined),
    onSuccess: () => {
      setConfirming(undefined);
      void refresh();
    },
    onError: (error) => {
      setConfirming(undefined);
      setProblem(describeApiError(error, "The change"));
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = newUserFormSchema.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    setErrors({});
    const { email, displayName, role: chosen, customerId } = parsed.data;
    add.mutate(
      {
        email,
        role: chosen,
        ...(displayName === "" ? {} : { displayName }),
        ...(chosen === "customer" ? { customerId } : {}),
      } as Schema<"NewUser">,
      { onSuccess: () => form.reset() },
    );
  };
  const active = (users.data?.users ?? []).filter((u) => u.disabledAt === null);
  const removed = (users.data?.users ?? []).filter((u) => u.disabledAt !== null);
  return (
    <section className="page" aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <p className="lead">
        Who can sign in to {session?.organisation.name ?? "your organisation"}, and what each may
        do.
      </p>
      {invitation !== undefined && <InvitationLink {...invitation} />}
      {problem !== undefined && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <div className="card">
        {users.isPending ? (
          <Skeleton lines={4} />
        ) : users.isError ? (
          <LoadError error={users.error} what="The users" />
        ) : (
          <TableScroll label="Users, scrollable">
            <table className="table">
              <caption>Active users</caption>
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {active.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">
                      {u.displayName === u.email ? (
                        <span className="code">{u.email}</span>
                      ) : (
                        <>
                          {u.displayName}
                          <br />
                          <span className="code">{u.email}</span>
                        </>
                      )}
                    </th>
                    <td>
                      {u.role === "customer" ? (
                        <CustomerOf customerId={u.customerId} customers={customers} />
                      ) : (
                        <select
                          aria-label={`Role of ${u.email}`}
                          value={u.role}
                          disabled={act.isPending}
                          onChange={(e) => {
                            const next = e.target.value as Role;
                            act.mutate(() =>
                              callApi("put", "/v1/users/{id}/role", {
                                params: { id: u.id },
                                body: { role: next } as Schema<"RoleChange">,
                              }),
                            );
                          }}
                        >
                          {(["owner", "sales", "auditor"] as const).map((r) => (
                            <option key={r} value={r}>
                              {r.charAt(0).toUpperCase() + r.slice(1)}
                            </option>
                          ))}
                        </select>
                      )}
                    </td>
                    <td>
                      {u.invited
                        ? "Invited, not yet accepted"
                        : u.hasPassword
                          ? `Active since ${formatDate(u.createdAt)}`
                          : "No password yet"}
                    </td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="button-link"
                        onClick={() => act.mutate(() => invite(u))}
                      >
                        {u.invited ? "New link" : u.hasPassword ? "Reset password" : "Invite"}
                        <span className="visually-hidden"> {u.email}</span>
                      </button>
                      {confirming === u.id ? (
                        <>
                          <button
                            type="button"
                            className="button-link danger"
                            onClick={() =>
                              act.mutate(() =>
                                callApi("delete", "/v1/users/{id}", { params: { id: u.id } }),
                              )
                            }
                          >
                            Yes, remove {u.email}
                          </button>
                          <button
                            type="button"
                            className="button-link"
                            onClick={() => setConfirming(undefined)}
                          >
                            Keep
                          </button>
                        </>
                      ) : (
                        <button
                          type="button"
                          className="button-link"
                          onClick={() => setConfirming(u.id)}
                        >
                          Remove<span className="visually-hidden"> {u.email}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {removed.length > 0 && (
          <p className="hint">
            Removed (kept in the audit log): {removed.map((u) => u.email).join(", ")}.
          </p>
        )}
      </div>
      <form className="card" onSubmit={submit} noValidate aria-labelledby="add-user-title">
        <h2 id="add-user-title">Add a user</h2>
        <p className="hint">
          They get an invitation link to set their own password; you never see or send a password.
        </p>
        <ErrorSummary
          errors={errors}
          labels={labels}
          message={
            add.error !== null && !(add.error instanceof ApiError && add.error.status === 400)
              ? describeApiError(add.error, "Adding the user")
              : undefined
          }
        />
        <div className="field-row">
          <Field id="email" label={labels.email} error={errors.email}>
            {(control) => <input {...control} name="email" type="email" autoComplete="off" />}
          </Field>
          <Field id="displayName" label={labels.displayName} error={errors.displayName}>
            {(control) => <input {...control} name="displayName" type="text" autoComplete="off" />}
          </Field>
        </div>
        <div className="field-row">
          <Field id="role" label={labels.role} error={errors.role}>
            {(control) => (
              <select
                {...control}
                name="role"
                value={role}
                onChange={(e) => setRole(e.target.value as Role)}
              >
                {(Object.keys(roleWords) as Role[]).map((r) => (
                  <option key={r} value={r}>
                    {roleWords[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {role === "customer" && (
            <Field id="customerId" label={labels.customerId} error={errors.customerId}>
              {(control) => (
                // Disabled until the customers are there: an empty list offers no customer to choose.
                <select
                  {...control}
                  name="customerId"
                  defaultValue=""
                  disabled={!customers.isSuccess}
                  aria-busy={customers.isPending}
                >
                  <option value="">
                    {customers.isPending
                      ? "Loading the customers…"
                      : customers.isError
                        ? "The customers could not be loaded"
                        : "Choose a customer…"}
                  </option>
                  {(customers.data?.customers ?? []).map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </div>
        <button type="submit" className="button" disabled={add.isPending}>
          Add and invite
        </button>
      </form>
    </section>
  );
}
