/** The image types a logo may be: raster only (an SVG can carry script). */
export type LogoMediaType = "image/png" | "image/jpeg";

/** The organisation's logo: its bytes and media type, who changed it and when. */
export interface OrganisationLogo {
  readonly orgId: string;
  readonly bytes: Uint8Array;
  readonly mediaType: LogoMediaType;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
}

/** The fields a logo is saved with (the caller has checked the bytes). */
export interface NewOrganisationLogo {
  readonly bytes: Uint8Array;
  readonly mediaType: LogoMediaType;
  readonly updatedBy?: string | null;
}

/** The organisation's branding: one logo, replaced as a whole. */
export interface OrganisationBrandingRepository {
  getLogo(orgId: string): Promise<OrganisationLogo | undefined>;
  saveLogo(orgId: string, input: NewOrganisationLogo): Promise<OrganisationLogo>;
}
