import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { idParams, readVisibleJob, showJob } from "./evidence-job-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { allRoles } from "./route-roles.ts";

/** How often the stream looks at the job (the worker may be another server: the store is the truth). */
const pollMs = 250;

/**
 * `GET /v1/jobs/{id}/events`: the job as server-sent events: a `job` event (the Job as JSON) now and on
 * every change of state or progress, and the stream ends after the job succeeded or failed. It reads the
 * store, so it works whichever server runs the job.
 */
export function registerWatchJobRoute(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const route = createRoute({
    method: "get",
    path: "/v1/jobs/{id}/events",
    tags: ["evidence"],
    summary: "Follow a job's progress as server-sent events",
    request: { params: idParams },
    responses: {
      200: {
        description: "`event: job` lines with the Job as data, until it ends",
        content: { "text/event-stream": { schema: z.string() } },
      },
      ...problemResponses(401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const { id } = c.req.valid("param");
    const first = await readVisibleJob(deps.store, principal, id);
    return streamSSE(c, async (stream) => {
      let job = first;
      let sent = "";
      while (!stream.aborted) {
        const shown = JSON.stringify(showJob(job));
        if (shown !== sent) {
          await stream.writeSSE({ event: "job", data: shown, id: job.updatedAt });
          sent = shown;
        }
        if (job.state === "succeeded" || job.state === "failed") return;
        await stream.sleep(pollMs);
        job = (await deps.store.jobs.get(principal.orgId, id)) ?? job;
      }
    }) as never;
  });
}
