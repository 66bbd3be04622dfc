import type { Catalog, MipSolver } from "@calwise/core";
import type { Store } from "@calwise/storage";
import type { Logger } from "pino";
import type { UploadLimits } from "./evidence/upload-limits.ts";

/** What the HTTP API is given by its composition root (`calwise serve`): it chooses none of them itself. */
export interface ServerDependencies {
  readonly catalog: Catalog;
  readonly logger: Logger;
  /** The store every organisation-scoped route reads and writes (SQLite or PostgreSQL). */
  readonly store: Store;
  /** Whether session cookies carry `Secure` (the service is reached over TLS, `--secure-cookies`). */
  readonly secureCookies?: boolean;
  /** Whether the store answers (for `/readyz`). */
  readonly ready: () => Promise<boolean>;
  /** The built web app (apps/web/dist) served at `/`; none: the service answers only the API. */
  readonly webRoot?: string;
  /** Where uploads are stored (`uploads/<org>/<sha256>`), on PostgreSQL too: the server's --data-dir. */
  readonly dataDir: string;
  /** Size and time limits of evidence uploads (default `defaultUploadLimits`). */
  readonly uploadLimits?: UploadLimits;
  /** The job worker to wake when an upload enqueues a job (absent: the worker's sweep finds it). */
  readonly jobs?: { wake(orgId: string): void };
  /**
   * Loads an exact MIP solver (HiGHS, bounded per solve and per evaluation as in the CLI) for the families the
   * engine's own bounds leave open; called lazily, only when a solver can help (`evaluateUntilProven`).
   * Absent: answers keep the engine's own bounds.
   */
  readonly loadSolver?: () => Promise<MipSolver>;
  /** The clock, passed in so tests can fix it. */
  readonly now: () => Date;
}
