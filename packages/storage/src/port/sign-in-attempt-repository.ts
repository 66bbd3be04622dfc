/** Whether a sign-in attempt got in. */
export type SignInOutcome = "succeeded" | "failed";

/** One sign-in attempt, kept for rate limiting per account and per address. */
export interface SignInAttempt {
  readonly orgId: string;
  readonly id: string;
  readonly email: string;
  readonly address: string;
  readonly outcome: SignInOutcome;
  readonly at: string;
}

/** Which failures to count: by account, by address, or both (either matching), since a time. */
export interface SignInFailureQuery {
  readonly email?: string;
  readonly address?: string;
  readonly since: string;
}

/** Sign-in attempts of an organisation. */
export interface SignInAttemptRepository {
  record(
    orgId: string,
    input: { readonly email: string; readonly address: string; readonly outcome: SignInOutcome },
  ): Promise<SignInAttempt>;
  countFailures(orgId: string, query: SignInFailureQuery): Promise<number>;
}
