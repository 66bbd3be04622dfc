/** One of the organisation's own training scenarios, written by an owner. */
export interface TrainingScenario {
  readonly orgId: string;
  readonly id: string;
  readonly title: string;
  /** The sale question in the point-of-sale shape (the app's `saleQuestionSchema`); storage does not read it. */
  readonly question: unknown;
  readonly note: string | null;
  readonly createdAt: string;
  readonly createdBy: string | null;
  /** When it stopped being drawn for exercises; null while in use. */
  readonly retiredAt: string | null;
}

/** The fields a scenario is created with. */
export interface NewTrainingScenario {
  readonly title: string;
  readonly question: unknown;
  readonly note?: string | null;
  readonly createdBy?: string | null;
}

/** The organisation's training scenarios: never deleted, retired (the attempts that answered one keep it). */
export interface TrainingScenarioRepository {
  create(orgId: string, input: NewTrainingScenario): Promise<TrainingScenario>;
  get(orgId: string, id: string): Promise<TrainingScenario | undefined>;
  /** Oldest first; the retired ones only when asked. */
  list(
    orgId: string,
    options?: { readonly includeRetired?: boolean },
  ): Promise<readonly TrainingScenario[]>;
  /** Retires a scenario (again: no change); undefined when it is missing. */
  retire(orgId: string, id: string): Promise<TrainingScenario | undefined>;
}
