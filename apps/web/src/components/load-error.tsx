import { Link } from "react-router";
import { describeRefusedScreen, isForbidden } from "../api/describe-api-error.ts";
import { type Session, useSession } from "../session/session.ts";

/** Where a refused account's own work is: a customer's licences (or quotes), staff's point of sale. */
function HomeLink(props: { readonly session: Session | undefined }) {
  const user = props.session?.user;
  if (user?.role === "customer")
    return user.customerId ? (
      <Link to={`/customers/${user.customerId}`}>Go to your licences</Link>
    ) : (
      <Link to="/quotes">Go to your quotes</Link>
    );
  return <Link to="/">Go to the point of sale</Link>;
}

/**
 * What shows instead of a screen whose data the API refused to the signed-in role (403 FORBIDDEN): what the page
 * is and where this account's own work is, never "reload the page". The app shell shows it for every screen.
 */
export function RefusedScreen() {
  const session = useSession();
  const words = describeRefusedScreen(session?.user.role);
  return (
    <section className="page">
      <h1>{words.heading}</h1>
      <p>
        {words.detail} <HomeLink session={session} />.
      </p>
    </section>
  );
}

/**
 * What a screen shows where its data could not be loaded: `what` could not be loaded, or, for the API's 403, what
 * the page is and where this account's own work is (the shell also puts the refused screen in its place).
 */
export function LoadError(props: { readonly error: unknown; readonly what: string }) {
  const session = useSession();
  if (!isForbidden(props.error))
    return (
      <p className="error-text" role="alert">
        {props.what} could not be loaded. Reload the page to try again.
      </p>
    );
  const words = describeRefusedScreen(session?.user.role);
  return (
    <p className="error-text" role="alert">
      {words.heading}. {words.detail} <HomeLink session={session} />.
    </p>
  );
}
