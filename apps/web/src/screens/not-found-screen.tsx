import { Link } from "react-router";

/** A page path the app does not know. */
export function NotFoundScreen() {
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Go to the point of sale</Link>.
      </p>
    </section>
  );
}
