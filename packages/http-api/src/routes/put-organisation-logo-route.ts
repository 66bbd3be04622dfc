import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { detectLogoMediaType } from "./detect-logo-media-type.ts";
import { brandingSchema, showBranding } from "./get-organisation-branding-route.ts";
import { problemResponses } from "./problem-responses.ts";

/** The largest logo stored: a logo for a page header and a printed handout, not a photograph. */
export const maxLogoBytes = 256 * 1024;

const imageBody = z.string().openapi({ format: "binary", description: "the image file's bytes" });

/**
 * `PUT /v1/organisation/logo` (owner): the organisation's logo as the raw body, PNG or JPEG told from its magic
 * bytes (the Content-Type sent is not trusted), at most 256 KiB, stored in the database. SVG is refused: it
 * can carry script.
 */
export function registerPutOrganisationLogoRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "put",
    path: "/v1/organisation/logo",
    tags: ["organisation"],
    summary: "Replace the organisation's logo (owner; PNG or JPEG, at most 256 KiB)",
    request: {
      // Required in fact; declared optional so the generated validator does not parse the image as JSON.
      body: {
        required: false,
        content: { "image/png": { schema: imageBody }, "image/jpeg": { schema: imageBody } },
      },
    },
    responses: {
      200: { description: "stored", content: { "application/json": { schema: brandingSchema } } },
      ...problemResponses(400, 401, 403, 413),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, ["owner"]);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length > maxLogoBytes)
      throw new CalwiseError(
        "PAYLOAD_TOO_LARGE",
        `the logo is ${Math.ceil(bytes.length / 1024)} KiB: at most ${maxLogoBytes / 1024} KiB, please make it smaller`,
      );
    const mediaType = detectLogoMediaType(bytes);
    if (mediaType === undefined)
      throw new CalwiseError("INPUT_INVALID", "the logo must be a PNG or JPEG image", [
        {
          code: "SCHEMA",
          path: "body",
          message:
            bytes.length === 0
              ? "no image was sent"
              : "this file is not a PNG or JPEG image (SVG is not accepted: it can carry script)",
          expected: "a PNG or JPEG image",
          received: bytes.length === 0 ? "an empty body" : `${bytes.length} bytes of another kind`,
        },
      ]);
    const saved = await deps.store.transact(principal.orgId, async (tx) => {
      const logo = await tx.branding.saveLogo(principal.orgId, {
        bytes,
        mediaType,
        updatedBy: principal.userId,
      });
      await recordChange(tx, c, principal, {
        action: "organisation.logo",
        targetType: "organisation",
        targetId: principal.orgId,
        details: { mediaType, sizeBytes: bytes.length },
      });
      return logo;
    });
    const organisation = await deps.store.organisations.get(principal.orgId);
    return c.json(showBranding(organisation?.name ?? "", saved), 200);
  });
}
