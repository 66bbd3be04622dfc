/** An organisation: the tenant every other record belongs to (a reseller or an IT department). */
export interface Organisation {
  readonly id: string;
  /** Unique across the store; how a sign-in form names the organisation. */
  readonly slug: string;
  readonly name: string;
  readonly createdAt: string;
}

/** The tenant registry. It is the one table not scoped to an organisation (it holds no tenant data). */
export interface OrganisationRepository {
  create(input: { readonly slug: string; readonly name: string }): Promise<Organisation>;
  get(id: string): Promise<Organisation | undefined>;
  findBySlug(slug: string): Promise<Organisation | undefined>;
  /** Every organisation, oldest first (the job worker walks them to resume work after a restart). */
  list(): Promise<readonly Organisation[]>;
}
