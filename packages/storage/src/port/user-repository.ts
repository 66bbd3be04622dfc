/** What a user may do: owner, sales and auditor work on the organisation; customer only reads its own record. */
export type Role = "owner" | "sales" | "auditor" | "customer";

/** A user of one organisation. A customer user is linked to exactly one customer record. */
export interface User {
  readonly orgId: string;
  readonly id: string;
  /** Unique within the organisation (stored lower-cased). */
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly customerId: string | null;
  /** A self-describing hash (for example `scrypt$…`); the store never sees a password. */
  readonly passwordHash: string | null;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

/** The fields a new user is created with. */
export interface NewUser {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly customerId?: string | null;
  readonly passwordHash?: string | null;
}

/** Users of an organisation. */
export interface UserRepository {
  create(orgId: string, input: NewUser): Promise<User>;
  get(orgId: string, id: string): Promise<User | undefined>;
  findByEmail(orgId: string, email: string): Promise<User | undefined>;
  list(orgId: string): Promise<readonly User[]>;
  setPasswordHash(orgId: string, id: string, passwordHash: string): Promise<boolean>;
  /** Gives a user another role (a customer user names its customer, any other role none). */
  setRole(
    orgId: string,
    id: string,
    change: { readonly role: Role; readonly customerId: string | null },
  ): Promise<User | undefined>;
  disable(orgId: string, id: string): Promise<boolean>;
}
