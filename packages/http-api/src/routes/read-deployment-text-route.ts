import { readDeploymentText } from "@calwise/app";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { customerIdParams } from "./customer-schemas.ts";
import { deploymentDocumentSchema } from "./deployment-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readVisibleCustomer } from "./read-visible-customer.ts";
import { editorRoles } from "./route-roles.ts";

const deploymentTextSchema = z
  .object({
    fileName: z.string().trim().min(1).max(300).openapi({
      description:
        "the file's name: `.csv` reads an access CSV (docs/deployment-import.md), anything else YAML or JSON",
    }),
    text: z.string().min(1).openapi({ description: "the file's text (the body is at most 1 MiB)" }),
    base: deploymentDocumentSchema.optional().openapi({
      description: "for an access CSV: the deployment its rows are added to",
    }),
  })
  .openapi("DeploymentText");

/**
 * `POST /v1/customers/{id}/deployment-text`: reads a deployment file's text for a customer's editor (the
 * browser parses no YAML and computes nothing): the app's `readDeploymentText` answers the deployment as
 * data, or 400 with every problem at its line and column. Nothing is stored; saving is a revision.
 */
export function registerReadDeploymentTextRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/customers/{id}/deployment-text",
    tags: ["deployments"],
    summary: "Read a deployment file (YAML, JSON or access CSV) into a deployment document",
    request: {
      params: customerIdParams,
      body: { required: true, content: { "application/json": { schema: deploymentTextSchema } } },
    },
    responses: {
      200: {
        description: "the deployment the text holds, checked against the catalog",
        content: {
          "application/json": {
            schema: z.object({ document: deploymentDocumentSchema }).openapi("DeploymentRead"),
          },
        },
      },
      ...problemResponses(400, 401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, editorRoles);
    await readVisibleCustomer(deps.store, principal, c.req.valid("param").id);
    const { fileName, text, base } = c.req.valid("json");
    const document = readDeploymentText({
      name: fileName,
      text,
      catalog: deps.catalog,
      ...(base !== undefined ? { base } : {}),
    });
    return c.json({ document }, 200);
  });
}
