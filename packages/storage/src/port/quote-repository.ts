/** Where a quote is: a draft may change; an issued quote's content never does, only its status. */
export type QuoteStatus = "draft" | "issued" | "accepted" | "declined" | "withdrawn";

/** A quote of an organisation; numbered 1, 2, … per organisation when issued. */
export interface Quote {
  readonly orgId: string;
  readonly id: string;
  readonly customerId: string | null;
  readonly priceListId: string | null;
  readonly status: QuoteStatus;
  /** Null while a draft. */
  readonly number: number | null;
  readonly currency: string;
  readonly totalMinor: number;
  /** The built quote (lines, totals, sources) as the core returned it. */
  readonly document: unknown;
  readonly createdAt: string;
  readonly issuedAt: string | null;
}

/** The content of a draft quote. */
export interface QuoteContent {
  readonly customerId?: string | null;
  readonly priceListId?: string | null;
  readonly currency: string;
  readonly totalMinor: number;
  readonly document: unknown;
}

/** The statuses an issued quote may move to. */
export type IssuedQuoteStatus = Exclude<QuoteStatus, "draft" | "issued">;

/** Quotes of an organisation. */
export interface QuoteRepository {
  createDraft(orgId: string, input: QuoteContent): Promise<Quote>;
  get(orgId: string, id: string): Promise<Quote | undefined>;
  findByNumber(orgId: string, number: number): Promise<Quote | undefined>;
  list(orgId: string): Promise<readonly Quote[]>;
  /** Replaces a draft's content; undefined when the quote is not a draft (issued quotes are immutable). */
  updateDraft(orgId: string, id: string, input: QuoteContent): Promise<Quote | undefined>;
  /** Gives a draft the organisation's next number; undefined when it is not a draft. */
  issue(orgId: string, id: string): Promise<Quote | undefined>;
  /** Moves an issued quote to a final status; undefined when it is not issued. */
  setStatus(orgId: string, id: string, status: IssuedQuoteStatus): Promise<Quote | undefined>;
  /**
   * The quotes created or issued from `from` (inclusive) and before `before` (ISO text, compared as text),
   * oldest first: what the sales dashboard reads in one pass.
   */
  listOfPeriod(orgId: string, from: string, before: string): Promise<readonly Quote[]>;
}
