import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import type { ServerDependencies } from "../server-dependencies.ts";

const healthSchema = z.object({ status: z.enum(["ok", "unavailable"]) }).openapi("Health");

/** `GET /healthz` (the process answers) and `GET /readyz` (the store answers too). */
export function registerHealthRoutes(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/healthz",
      tags: ["health"],
      summary: "The process is alive",
      responses: {
        200: { description: "alive", content: { "application/json": { schema: healthSchema } } },
      },
    }),
    (c) => c.json({ status: "ok" as const }, 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/readyz",
      tags: ["health"],
      summary: "The service can take requests (its store answers)",
      responses: {
        200: { description: "ready", content: { "application/json": { schema: healthSchema } } },
        503: {
          description: "not ready",
          content: { "application/json": { schema: healthSchema } },
        },
      },
    }),
    async (c) =>
      (await deps.ready().catch(() => false))
        ? c.json({ status: "ok" as const }, 200)
        : c.json({ status: "unavailable" as const }, 503),
  );
}
