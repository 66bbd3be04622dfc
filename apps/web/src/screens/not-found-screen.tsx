import { Link } from "react-router";
import { useSession } from "../session/session.ts";

/** A page path the app does not know; the way back is to where the account starts (a customer's own screen). */
export function NotFoundScreen() {
  const user = useSession()?.user;
  const customerHome = user?.role === "customer" && user.customerId;
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address.{" "}
        {customerHome ? (
          <Link to={`/customers/${user.customerId}`}>Go to your licences</Link>
        ) : (
          <Link to="/">Go to the point of sale</Link>
        )}
        .
      </p>
    </section>
  );
}
