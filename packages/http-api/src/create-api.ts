import { CalwiseError } from "@calwise/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "./api-env.ts";
import { authenticate } from "./auth/authenticate.ts";
import { countForegroundRequests } from "./foreground-requests.ts";
import { problemDetails, problemDetailsOf } from "./problem-details.ts";
import { requestBodyLimit } from "./request-body-limit.ts";
import { requestContext } from "./request-context.ts";
import { registerAcceptInvitationRoute } from "./routes/accept-invitation-route.ts";
import { registerAddUserRoute } from "./routes/add-user-route.ts";
import { registerAdviseEditionRoute } from "./routes/advise-edition-route.ts";
import { registerAnswerSaleQuestionRoute } from "./routes/answer-sale-question-route.ts";
import { registerAnswerTrainingExerciseRoute } from "./routes/answer-training-exercise-route.ts";
import { registerApiReferenceRoutes } from "./routes/api-reference-routes.ts";
import { registerAuditUploadsRoute } from "./routes/audit-uploads-route.ts";
import { registerChangeUserRoleRoute } from "./routes/change-user-role-route.ts";
import { registerChartEditionCostsRoute } from "./routes/chart-edition-costs-route.ts";
import { registerCompareRevisionsRoute } from "./routes/compare-revisions-route.ts";
import { registerCreateApiTokenRoute } from "./routes/create-api-token-route.ts";
import { registerCreateCustomerRoute } from "./routes/create-customer-route.ts";
import { registerCreateDeploymentRoute } from "./routes/create-deployment-route.ts";
import { registerCreateEvaluationRoute } from "./routes/create-evaluation-route.ts";
import { registerCreatePriceListRoute } from "./routes/create-price-list-route.ts";
import { registerCreateQuoteRoute } from "./routes/create-quote-route.ts";
import { registerCreateTrainingExerciseRoute } from "./routes/create-training-exercise-route.ts";
import { registerCreateTrainingScenarioRoute } from "./routes/create-training-scenario-route.ts";
import { registerDeleteCustomerRoute } from "./routes/delete-customer-route.ts";
import { registerDeleteEntitlementRoute } from "./routes/delete-entitlement-route.ts";
import { registerDeletePriceListRoute } from "./routes/delete-price-list-route.ts";
import { registerDownloadQuoteRoute } from "./routes/download-quote-route.ts";
import { registerEvaluateRevisionRoute } from "./routes/evaluate-revision-route.ts";
import { registerGetAuditRoute } from "./routes/get-audit-route.ts";
import { registerGetCatalogRoute } from "./routes/get-catalog-route.ts";
import { registerGetCustomerEstateRoute } from "./routes/get-customer-estate-route.ts";
import { registerGetCustomerPositionRoute } from "./routes/get-customer-position-route.ts";
import { registerGetCustomerRoute } from "./routes/get-customer-route.ts";
import { registerGetDashboardRoute } from "./routes/get-dashboard-route.ts";
import { registerGetDeploymentRoute } from "./routes/get-deployment-route.ts";
import { registerGetEvaluationRoute } from "./routes/get-evaluation-route.ts";
import { registerGetJobRoute } from "./routes/get-job-route.ts";
import { registerGetOrganisationBrandingRoute } from "./routes/get-organisation-branding-route.ts";
import { registerGetOrganisationLogoRoute } from "./routes/get-organisation-logo-route.ts";
import { registerGetPriceListRoute } from "./routes/get-price-list-route.ts";
import { registerGetQuoteRoute } from "./routes/get-quote-route.ts";
import { registerGetRevisionRoute } from "./routes/get-revision-route.ts";
import { registerGetTrainingHandoutRoute } from "./routes/get-training-handout-route.ts";
import { registerHealthRoutes } from "./routes/health-routes.ts";
import { registerImportEntitlementsRoute } from "./routes/import-entitlements-route.ts";
import { registerInviteUserRoute } from "./routes/invite-user-route.ts";
import { registerIssueQuoteRoute } from "./routes/issue-quote-route.ts";
import { registerListCustomerAuditsRoute } from "./routes/list-customer-audits-route.ts";
import { registerListCustomerDeploymentsRoute } from "./routes/list-customer-deployments-route.ts";
import { registerListCustomersRoute } from "./routes/list-customers-route.ts";
import { registerListEntitlementsRoute } from "./routes/list-entitlements-route.ts";
import { registerListPriceListsRoute } from "./routes/list-price-lists-route.ts";
import { registerListQuotesRoute } from "./routes/list-quotes-route.ts";
import { registerListTrainingScenariosRoute } from "./routes/list-training-scenarios-route.ts";
import { registerListTrainingScoresRoute } from "./routes/list-training-scores-route.ts";
import { registerListUsersRoute } from "./routes/list-users-route.ts";
import { registerPutOrganisationLogoRoute } from "./routes/put-organisation-logo-route.ts";
import { registerReadDeploymentTextRoute } from "./routes/read-deployment-text-route.ts";
import { registerRemoveUserRoute } from "./routes/remove-user-route.ts";
import { registerRetirePriceListRoute } from "./routes/retire-price-list-route.ts";
import { registerRetireTrainingScenarioRoute } from "./routes/retire-training-scenario-route.ts";
import { registerRevokeApiTokenRoute } from "./routes/revoke-api-token-route.ts";
import { registerSaveRevisionRoute } from "./routes/save-revision-route.ts";
import { registerSetQuoteStatusRoute } from "./routes/set-quote-status-route.ts";
import { registerSignInRoute } from "./routes/sign-in-route.ts";
import { registerSignOutRoute } from "./routes/sign-out-route.ts";
import {
  registerListEvidenceFilesRoute,
  registerStoreEvidenceFilesRoute,
} from "./routes/store-evidence-files-route.ts";
import { registerUpdateCustomerRoute } from "./routes/update-customer-route.ts";
import { registerUpdateQuoteRoute } from "./routes/update-quote-route.ts";
import { registerUploadEvidenceRoute } from "./routes/upload-evidence-route.ts";
import { registerWatchJobRoute } from "./routes/watch-job-route.ts";
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
  // The cost chart gives way, between its points, to the requests being answered (web-phone: issuing a quote).
  app.use("/v1/*", countForegroundRequests());
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
  registerAcceptInvitationRoute(app, deps);
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
  // Evidence uploads as durable jobs, stored audits, entitlements.
  registerUploadEvidenceRoute(app, deps);
  registerStoreEvidenceFilesRoute(app, deps);
  registerListEvidenceFilesRoute(app, deps);
  registerAuditUploadsRoute(app, deps);
  registerGetJobRoute(app, deps);
  registerWatchJobRoute(app, deps);
  registerGetAuditRoute(app, deps);
  registerListCustomerAuditsRoute(app, deps);
  registerImportEntitlementsRoute(app, deps);
  registerListEntitlementsRoute(app, deps);
  registerDeleteEntitlementRoute(app, deps);
  // Price lists, quotes, the advisor, versioned deployments, positions and users (issue 12, p-server).
  registerListPriceListsRoute(app, deps);
  registerCreatePriceListRoute(app, deps);
  registerGetPriceListRoute(app, deps);
  registerRetirePriceListRoute(app, deps);
  registerDeletePriceListRoute(app, deps);
  registerListQuotesRoute(app, deps);
  registerCreateQuoteRoute(app, deps);
  registerGetQuoteRoute(app, deps);
  registerUpdateQuoteRoute(app, deps);
  registerIssueQuoteRoute(app, deps);
  registerSetQuoteStatusRoute(app, deps);
  registerDownloadQuoteRoute(app, deps);
  registerAdviseEditionRoute(app, deps);
  registerListCustomerDeploymentsRoute(app, deps);
  registerCreateDeploymentRoute(app, deps);
  registerGetDeploymentRoute(app, deps);
  registerSaveRevisionRoute(app, deps);
  registerGetRevisionRoute(app, deps);
  registerCompareRevisionsRoute(app, deps);
  registerEvaluateRevisionRoute(app, deps);
  registerGetCustomerPositionRoute(app, deps);
  registerGetCustomerEstateRoute(app, deps);
  // The web app's deployment import (issue 13, web-customers): a file's text read into a document.
  registerReadDeploymentTextRoute(app, deps);
  registerListUsersRoute(app, deps);
  registerAddUserRoute(app, deps);
  registerChangeUserRoleRoute(app, deps);
  registerRemoveUserRoute(app, deps);
  registerInviteUserRoute(app, deps);
  // The web app (issue 13): its API routes, then the built pages at / (last: everything above wins).
  registerAnswerSaleQuestionRoute(app, deps);
  registerChartEditionCostsRoute(app, deps);
  // Sales training, the dashboard and the organisation's branding (issue 13, web-sales).
  registerCreateTrainingExerciseRoute(app, deps);
  registerAnswerTrainingExerciseRoute(app, deps);
  registerListTrainingScoresRoute(app, deps);
  registerListTrainingScenariosRoute(app, deps);
  registerCreateTrainingScenarioRoute(app, deps);
  registerRetireTrainingScenarioRoute(app, deps);
  registerGetTrainingHandoutRoute(app, deps);
  registerGetDashboardRoute(app, deps);
  registerGetOrganisationBrandingRoute(app, deps);
  registerGetOrganisationLogoRoute(app, deps);
  registerPutOrganisationLogoRoute(app, deps);
  if (deps.webRoot !== undefined) registerWebAppRoutes(app, deps.webRoot);
  return app;
}
