import { CalwiseError } from "@calwise/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "./api-env.ts";
import { authenticate } from "./auth/authenticate.ts";
import { problemDetails, problemDetailsOf } from "./problem-details.ts";
import { requestBodyLimit } from "./request-body-limit.ts";
import { requestContext } from "./request-context.ts";
import { registerAnswerSaleQuestionRoute } from "./routes/answer-sale-question-route.ts";
import { registerApiReferenceRoutes } from "./routes/api-reference-routes.ts";
import { registerCreateApiTokenRoute } from "./routes/create-api-token-route.ts";
import { registerCreateCustomerRoute } from "./routes/create-customer-route.ts";
import { registerCreateEvaluationRoute } from "./routes/create-evaluation-route.ts";
import { registerDeleteCustomerRoute } from "./routes/delete-customer-route.ts";
import { registerGetCatalogRoute } from "./routes/get-catalog-route.ts";
import { registerGetCustomerRoute } from "./routes/get-customer-route.ts";
import { registerGetEvaluationRoute } from "./routes/get-evaluation-route.ts";
import { registerHealthRoutes } from "./routes/health-routes.ts";
import { registerListCustomersRoute } from "./routes/list-customers-route.ts";
import { registerRevokeApiTokenRoute } from "./routes/revoke-api-token-route.ts";
import { registerSignInRoute } from "./routes/sign-in-route.ts";
import { registerSignOutRoute } from "./routes/sign-out-route.ts";
import { registerUpdateCustomerRoute } from "./routes/update-customer-route.ts";
import { registerWebAppRoutes } from "./routes/web-app-routes.ts";
import type { ServerDependencies } from "./server-dependencies.ts";

/**
 * The calwise HTTP API as a Hono app: request ids and logs, RFC 9457 errors for everything (validation
 * problems carry their field paths; a bug never shows its stack), the routes, and the OpenAPI document they
 * generate. It computes nothing itself: every answer comes from a use case of `@calwise/app`.
 */
export function createApi(deps: ServerDependencies): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const problems = result.error.issues.map((issue) => ({
        code: "SCHEMA" as const,
        path: issue.path.map(String).join("."),
        message: issue.message,
      }));
      const body = problemDetails(
        "INPUT_INVALID",
        `the request has ${problems.length} problem${problems.length === 1 ? "" : "s"}`,
        problems,
        c.get("requestId"),
      );
      return c.json(body, 400, { "content-type": "application/problem+json" });
    },
  });
  app.use(requestContext(deps.logger));
  app.use("/v1/*", requestBodyLimit());
  app.onError((error, c) => {
    const body = problemDetailsOf(error, c.get("requestId"));
    if (!(error instanceof CalwiseError)) c.get("logger")?.error({ err: error }, "internal error");
    return c.json(body, body.status as 400, { "content-type": "application/problem+json" });
  });
  app.notFound((c) =>
    c.json(
      problemDetails(
        "NOT_FOUND",
        `no route for ${c.req.method} ${c.req.path}`,
        [],
        c.get("requestId"),
      ),
      404,
      {
        "content-type": "application/problem+json",
      },
    ),
  );
  registerHealthRoutes(app, deps);
  registerApiReferenceRoutes(app);
  registerSignInRoute(app, deps);
  // Everything under /v1 registered after this line needs a session or an API token.
  app.use("/v1/*", authenticate(deps.store, deps.now));
  registerSignOutRoute(app, deps);
  registerCreateApiTokenRoute(app, deps);
  registerRevokeApiTokenRoute(app, deps);
  registerListCustomersRoute(app, deps);
  registerCreateCustomerRoute(app, deps);
  registerGetCustomerRoute(app, deps);
  registerUpdateCustomerRoute(app, deps);
  registerDeleteCustomerRoute(app, deps);
  registerCreateEvaluationRoute(app, deps);
  registerGetEvaluationRoute(app, deps);
  registerGetCatalogRoute(app, deps);
  // The web app (issue 13): its API routes, then the built pages at / (last: everything above wins).
  registerAnswerSaleQuestionRoute(app, deps);
  if (deps.webRoot !== undefined) registerWebAppRoutes(app, deps.webRoot);
  return app;
}
