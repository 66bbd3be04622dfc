import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { allRoles } from "./route-roles.ts";

const image = z.string().openapi({ format: "binary" });

/**
 * `GET /v1/organisation/logo`: the logo's bytes for anyone signed in, with the media type it was stored as
 * (told from its bytes), `nosniff`, and a CSP that lets the image be nothing but an image.
 */
export function registerGetOrganisationLogoRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/organisation/logo",
    tags: ["organisation"],
    summary: "The organisation's logo (PNG or JPEG)",
    request: {
      query: z.object({ v: z.string().max(100).optional().describe("any value: a cache key") }),
    },
    responses: {
      200: {
        description: "the logo",
        content: { "image/png": { schema: image }, "image/jpeg": { schema: image } },
      },
      ...problemResponses(401, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const logo = await deps.store.branding.getLogo(principal.orgId);
    if (logo === undefined)
      throw new CalwiseError(
        "NOT_FOUND",
        "your organisation has no logo yet: an owner can add one",
      );
    return c.body(new Uint8Array(logo.bytes) as Uint8Array<ArrayBuffer>, 200, {
      "content-type": logo.mediaType,
      "content-length": String(logo.bytes.length),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, max-age=0, must-revalidate",
      "content-disposition": "inline",
    });
  });
}
