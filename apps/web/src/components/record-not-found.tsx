import { Link } from "react-router";
import { ApiError } from "../api/api-client.ts";
import { useSession } from "../session/session.ts";
import { LoadError } from "./load-error.tsx";

/** The record a screen opens by its address, in the words its heading and sentence use. */
export type RecordKind = "audit" | "check" | "customer" | "quote";

const titles: Readonly<Record<RecordKind, string>> = {
  audit: "Audit",
  check: "Check",
  customer: "Customer",
  quote: "Quote",
};

/** Where staff go back to from a record that is not there. */
const staffBack: Readonly<Record<RecordKind, { to: string; label: string }>> = {
  audit: { to: "/customers", label: "Back to the customers" },
  check: { to: "/customers", label: "Back to the customers" },
  customer: { to: "/customers", label: "Back to the customers" },
  quote: { to: "/quotes", label: "Back to the quotes" },
};

/**
 * What a record's screen shows when its data did not load. The API's 404 does not tell "not there" from "not
 * yours" (it must not), so a customer's account reads both in its own terms, "not found, or not shared with your
 * account", with links to what is its own; staff read "no such … in your organisation". Any other failure is a
 * load error ("could not be loaded", or for a 403 what the page is).
 */
export function RecordNotFound(props: { readonly kind: RecordKind; readonly error: unknown }) {
  const user = useSession()?.user;
  const title = titles[props.kind];
  const what = props.kind === "check" ? "compliance check" : props.kind;
  if (!(props.error instanceof ApiError) || props.error.status !== 404)
    return (
      <section className="page">
        <h1>{title}</h1>
        <LoadError error={props.error} what={`This ${what}`} />
      </section>
    );
  if (user?.role === "customer")
    return (
      <section className="page">
        <h1>{title} not found</h1>
        <p>
          This {what} was not found, or it is not shared with your account.
          {props.kind === "quote" && " A quote shows here once your reseller has issued it to you."}
        </p>
        <ul>
          {user.customerId && (
            <li>
              <Link to={`/customers/${user.customerId}`}>Your licences</Link>: your position, checks
              and audits
            </li>
          )}
          <li>
            <Link to="/quotes">Your quotes</Link>
          </li>
        </ul>
      </section>
    );
  const back = staffBack[props.kind];
  return (
    <section className="page">
      <h1>{title} not found</h1>
      <p>
        There is no such {what} in your organisation: it may have been removed, or the address is
        incomplete. <Link to={back.to}>{back.label}</Link>.
      </p>
    </section>
  );
}
