import { type FormEvent, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { z } from "zod";
import { ApiError, callApi } from "../api/api-client.ts";
import { describeApiError } from "../api/describe-api-error.ts";
import { Field } from "../components/field.tsx";
import { ErrorSummary, type FieldErrors, fieldErrorsOf } from "../components/form-errors.tsx";
import { saveSession } from "../session/session.ts";

/** The form's data: the API's AcceptInvitation limits (a password of at least 12 characters). */
const acceptFormSchema = z.object({
  email: z.email("Enter the email address the invitation was for").max(320),
  password: z.string().min(12, "Choose a password of at least 12 characters").max(1024),
});

const labels = { email: "Email address", password: "New password" };

/**
 * Where an invitation link lands: the token (and organisation and email) ride in the address's fragment,
 * which the browser never sends to a server or a log; the user chooses a password and is signed in
 * at once, landing on its home screen.
 */
export function AcceptInvitationScreen() {
  const location = useLocation();
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ""));
  const token = fragment.get("token") ?? "";
  const org = fragment.get("org") ?? "";
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = acceptFormSchema.safeParse(
      Object.fromEntries(new FormData(event.currentTarget)),
    );
    setMessage(undefined);
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    setErrors({});
    setBusy(true);
    try {
      // Accepting signs the new account in (a session, as sign-in opens): it lands on its home screen, and
      // the shell sends a customer's account on to its own licences.
      const signedIn = await callApi("post", "/v1/invitations/accept", {
        body: { token, ...parsed.data },
      });
      saveSession({
        organisation: signedIn.organisation,
        user: signedIn.user,
        expiresAt: signedIn.expiresAt,
      });
      navigate(
        signedIn.user.role === "customer" && signedIn.user.customerId
          ? `/customers/${signedIn.user.customerId}`
          : "/",
        { replace: true },
      );
    } catch (error) {
      setMessage(
        error instanceof ApiError && error.status === 401
          ? "This invitation does not work: it may have been used already, replaced by a newer one, or expired after 7 days, or it was for another email address. Ask the owner who invited you for a new link."
          : error instanceof ApiError && error.status === 429
            ? "Too many attempts. Wait 15 minutes, then try again, or ask the owner who invited you."
            : describeApiError(error, "Setting the password"),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <p className="brand brand-large">calwise</p>
        <h1>Accept your invitation</h1>
        {token === "" ? (
          <p>
            This page opens from an invitation link. Ask an owner of your organisation to invite
            you, then open the link they send.
          </p>
        ) : (
          <>
            <p>
              Choose your password{org === "" ? "" : ` for ${org}`}. You will be signed in with it.
            </p>
            <ErrorSummary errors={errors} labels={labels} message={message} />
            <form onSubmit={submit} noValidate>
              <Field id="email" label={labels.email} error={errors.email}>
                {(control) => (
                  <input
                    {...control}
                    name="email"
                    type="email"
                    autoComplete="username"
                    defaultValue={fragment.get("email") ?? ""}
                  />
                )}
              </Field>
              <Field
                id="password"
                label={labels.password}
                hint="At least 12 characters; a few words you can remember work well"
                error={errors.password}
              >
                {(control) => (
                  <input {...control} name="password" type="password" autoComplete="new-password" />
                )}
              </Field>
              <button type="submit" className="button" disabled={busy}>
                {busy ? "Setting the password…" : "Set my password"}
              </button>
            </form>
          </>
        )}
      </div>
    </main>
  );
}
