/** What an attempt answered: an exercise generated from a seed, the organisation's scenario, or a typed question. */
export type TrainingExerciseKind = "seed" | "scenario" | "question";

/** One answer an agent gave to a training exercise, and whether the engine found it right. */
export interface TrainingAttempt {
  readonly orgId: string;
  readonly id: string;
  readonly userId: string;
  readonly at: string;
  readonly kind: TrainingExerciseKind;
  readonly seed: number | null;
  readonly scenarioId: string | null;
  /** The sale question answered (as the API received it); storage does not read it. */
  readonly question: unknown;
  /** The CALs the agent gave. */
  readonly answer: unknown;
  readonly correct: boolean;
}

/** The fields an attempt is recorded with (the time is the store's). */
export interface NewTrainingAttempt {
  readonly userId: string;
  readonly kind: TrainingExerciseKind;
  readonly seed?: number | null;
  readonly scenarioId?: string | null;
  readonly question: unknown;
  readonly answer: unknown;
  readonly correct: boolean;
}

/** One agent's score: attempts and right answers in a period, and the last attempt. */
export interface TrainingScore {
  readonly userId: string;
  readonly displayName: string;
  readonly email: string;
  readonly attempts: number;
  readonly right: number;
  readonly lastAttemptAt: string;
}

/** Which attempts a score counts: one agent's or all, from and before two instants (ISO text). */
export interface TrainingScoreFilter {
  readonly userId?: string;
  /** Inclusive. */
  readonly from?: string;
  /** Exclusive. */
  readonly before?: string;
}

/** Training attempts of an organisation: appended, never changed; scored per agent in SQL. */
export interface TrainingAttemptRepository {
  record(orgId: string, input: NewTrainingAttempt): Promise<TrainingAttempt>;
  /** The newest first. */
  list(orgId: string, filter?: TrainingScoreFilter): Promise<readonly TrainingAttempt[]>;
  /** Per agent with at least one attempt that matches, by display name. */
  score(orgId: string, filter?: TrainingScoreFilter): Promise<readonly TrainingScore[]>;
}
