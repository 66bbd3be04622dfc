/** A customer of a reseller (or a business unit of an IT department). */
export interface Customer {
  readonly orgId: string;
  readonly id: string;
  readonly name: string;
  /** The organisation's own reference (an account number), free text. */
  readonly reference: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The fields a customer is created or updated with. */
export interface CustomerFields {
  readonly name: string;
  readonly reference?: string | null;
}

/** Customers of an organisation. */
export interface CustomerRepository {
  create(orgId: string, input: CustomerFields): Promise<Customer>;
  get(orgId: string, id: string): Promise<Customer | undefined>;
  list(orgId: string): Promise<readonly Customer[]>;
  update(orgId: string, id: string, input: CustomerFields): Promise<Customer | undefined>;
  /** Refused by the database (foreign keys) while deployments, users or quotes still name it. */
  delete(orgId: string, id: string): Promise<boolean>;
}
