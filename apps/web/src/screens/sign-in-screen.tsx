import { type FormEvent, useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { z } from "zod";
import { ApiError, callApi } from "../api/api-client.ts";
import { Field } from "../components/field.tsx";
import { ErrorSummary, type FieldErrors, fieldErrorsOf } from "../components/form-errors.tsx";
import { saveSession, useSession } from "../session/session.ts";

/** The sign-in form's data: the same limits as the API's SignIn schema. */
const signInFormSchema = z.object({
  organisation: z.string().trim().min(1, "Enter your organisation").max(200),
  email: z.string().trim().min(3, "Enter your email address").max(320),
  password: z.string().min(1, "Enter your password").max(1024),
});

const labels = { organisation: "Organisation", email: "Email address", password: "Password" };

/** Sign-in: organisation, email and password; wrong details and rate limits explained in plain words. */
export function SignInScreen() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const next = params.get("next");
  const target = next?.startsWith("/") && !next.startsWith("//") ? next : "/";
  if (session !== undefined && !busy) return <Navigate to={target} replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = signInFormSchema.safeParse(data);
    setMessage(undefined);
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    setErrors({});
    setBusy(true);
    try {
      const signedIn = await callApi("post", "/v1/sign-in", { body: parsed.data });
      saveSession({
        organisation: signedIn.organisation,
        user: signedIn.user,
        expiresAt: signedIn.expiresAt,
      });
      navigate(target, { replace: true });
    } catch (error) {
      setMessage(
        error instanceof ApiError && error.status === 401
          ? "The organisation, email address or password is not right. Check them and try again."
          : error instanceof ApiError && error.status === 429
            ? "Too many attempts. Wait 15 minutes, then try again, or ask your administrator."
            : "calwise could not be reached. Check your connection and try again.",
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <p className="brand brand-large">calwise</p>
        <h1>Sign in</h1>
        <ErrorSummary errors={errors} labels={labels} message={message} />
        <form onSubmit={submit} noValidate>
          {(["organisation", "email", "password"] as const).map((field) => (
            <Field
              key={field}
              id={field}
              label={labels[field]}
              hint={
                field === "organisation"
                  ? "The short name your administrator gave you, for example example-reseller"
                  : undefined
              }
              error={errors[field]}
            >
              {(control) => (
                <input
                  {...control}
                  name={field}
                  type={field === "password" ? "password" : field === "email" ? "email" : "text"}
                  defaultValue={
                    field === "organisation" ? (params.get("organisation") ?? undefined) : undefined
                  }
                  autoComplete={
                    field === "password"
                      ? "current-password"
                      : field === "email"
                        ? "username"
                        : "organization"
                  }
                />
              )}
            </Field>
          ))}
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </form>
      </div>
    </main>
  );
}
