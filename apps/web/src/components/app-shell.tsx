import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { callApi, setUnauthenticatedHandler } from "../api/api-client.ts";
import { saveSession, useSession } from "../session/session.ts";

const links = [
  { to: "/", label: "Point of sale", end: true },
  { to: "/quotes", label: "Quotes", end: false },
  { to: "/customers", label: "Customers", end: false },
  { to: "/training", label: "Training", end: false },
  { to: "/dashboard", label: "Dashboard", end: false },
  { to: "/catalog", label: "Catalog", end: false },
  { to: "/settings", label: "Settings", end: false },
];

/** The frame of every signed-in screen: skip link, navigation, who is signed in, sign out, the screen. */
export function AppShell() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      saveSession(undefined);
      queryClient.clear();
      navigate(`/sign-in?next=${encodeURIComponent(location.pathname)}`, { replace: true });
    });
  }, [navigate, location.pathname, queryClient]);
  if (session === undefined)
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
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
            {[
              ...links,
              ...(session.user.role === "owner"
                ? [{ to: "/users", label: "Users", end: false }]
                : []),
            ].map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>
            {session.user.email} · {session.organisation.name}
          </span>
          <button type="button" className="button-quiet" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
