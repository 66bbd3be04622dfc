import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { callApi, setUnauthenticatedHandler } from "../api/api-client.ts";
import { isForbidden } from "../api/describe-api-error.ts";
import { saveSession, useSession } from "../session/session.ts";
import { RefusedScreen } from "./load-error.tsx";

const links = [
  { to: "/", label: "Point of sale", end: true },
  { to: "/quotes", label: "Quotes", end: false },
  { to: "/customers", label: "Customers", end: false },
  { to: "/price-lists", label: "Price lists", end: false },
  { to: "/training", label: "Training", end: false },
  { to: "/dashboard", label: "Dashboard", end: false },
  { to: "/catalog", label: "Catalog", end: false },
  { to: "/settings", label: "Settings", end: false },
];

/**
 * What a customer's account may open: its own customer screen (position, checks, entitlements, audits), its
 * quotes (read-only: the API lists its customer's only) and the catalog. Every other screen asks the API what
 * only the reseller's staff may ask.
 */
function customerLinks(customerId: string | null | undefined) {
  return [
    ...(customerId ? [{ to: `/customers/${customerId}`, label: "Your licences", end: false }] : []),
    { to: "/quotes", label: "Your quotes", end: false },
    { to: "/catalog", label: "Catalog", end: false },
  ];
}

/**
 * Whether the API refused (403 FORBIDDEN) data the open screen asks for: a query someone observes failed with
 * that code. Every screen asks only what its own users' roles may, so a refusal means the page is not this
 * account's: the shell says so for every screen, from the error's code, instead of each screen's load error.
 */
function useRefusedScreen(): boolean {
  const cache = useQueryClient().getQueryCache();
  return useSyncExternalStore(
    (listener) => cache.subscribe(listener),
    () => cache.getAll().some((q) => q.getObserversCount() > 0 && isForbidden(q.state.error)),
  );
}

/** The frame of every signed-in screen: skip link, navigation, who is signed in, sign out, the screen. */
export function AppShell() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refused = useRefusedScreen();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      saveSession(undefined);
      queryClient.clear();
      navigate(`/sign-in?next=${encodeURIComponent(location.pathname)}`, { replace: true });
    });
  }, [navigate, location.pathname, queryClient]);
  if (session === undefined)
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  const { role, customerId } = session.user;
  // A customer's account lands on its own screen: the point of sale is the reseller's.
  if (role === "customer" && customerId && location.pathname === "/")
    return <Navigate to={`/customers/${customerId}`} replace />;
  const signOut = async () => {
    await callApi("post", "/v1/sign-out").catch(() => undefined);
    saveSession(undefined);
    queryClient.clear();
    navigate("/sign-in", { replace: true });
  };
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <span className="brand">calwise</span>
        <nav aria-label="Main">
          <ul className="nav-list">
            {(role === "customer"
              ? customerLinks(customerId)
              : [
                  ...links,
                  ...(role === "owner" ? [{ to: "/users", label: "Users", end: false }] : []),
                ]
            ).map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span className="who-name">
            <span title={session.user.email}>{session.user.email}</span>
            <span title={session.organisation.name}>{session.organisation.name}</span>
          </span>
          <button type="button" className="button-quiet" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {refused && <RefusedScreen />}
        {/* Kept mounted while refused (its queries stay observed), hidden from sight and assistive tech. */}
        <div className="screen" hidden={refused}>
          <Outlet />
        </div>
      </main>
    </div>
  );
}
