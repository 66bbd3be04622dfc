import type { OrganisationLogo } from "@calwise/storage";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { allRoles } from "./route-roles.ts";

/** The organisation's name and whether (and which) logo it has. */
export const brandingSchema = z
  .object({
    name: z.string(),
    logo: z
      .object({
        mediaType: z.enum(["image/png", "image/jpeg"]),
        sizeBytes: z.number().int(),
        updatedAt: z.string(),
        url: z.string().describe("where to read it (changes when the logo does)"),
      })
      .nullable(),
  })
  .openapi("OrganisationBranding");

/** The branding as the API shows it. */
export function showBranding(
  name: string,
  logo: OrganisationLogo | undefined,
): z.output<typeof brandingSchema> {
  return {
    name,
    logo:
      logo === undefined
        ? null
        : {
            mediaType: logo.mediaType,
            sizeBytes: logo.bytes.length,
            updatedAt: logo.updatedAt,
            url: `/v1/organisation/logo?v=${encodeURIComponent(logo.updatedAt)}`,
          },
  };
}

/** `GET /v1/organisation/branding`: the organisation's name and logo details, for anyone signed in. */
export function registerGetOrganisationBrandingRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/organisation/branding",
    tags: ["organisation"],
    summary: "The organisation's name and logo details",
    responses: {
      200: {
        description: "the branding",
        content: { "application/json": { schema: brandingSchema } },
      },
      ...problemResponses(401),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const [organisation, logo] = await Promise.all([
      deps.store.organisations.get(principal.orgId),
      deps.store.branding.getLogo(principal.orgId),
    ]);
    return c.json(showBranding(organisation?.name ?? "", logo), 200);
  });
}
