import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { deleteCookie } from "hono/cookie";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { csrfCookie, sessionCookie } from "../auth/cookie-names.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { allRoles } from "./route-roles.ts";

/** `POST /v1/sign-out`: revokes the session (stored server-side, so the cookie is worthless afterwards). */
export function registerSignOutRoute(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const route = createRoute({
    method: "post",
    path: "/v1/sign-out",
    tags: ["accounts"],
    summary: "Sign out: end the session",
    responses: { 204: { description: "signed out" }, ...problemResponses(401, 403) },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    if (principal.sessionId !== undefined)
      await deps.store.sessions.revoke(principal.orgId, principal.sessionId);
    deleteCookie(c, sessionCookie, { path: "/" });
    deleteCookie(c, csrfCookie, { path: "/" });
    return c.body(null, 204);
  });
}
