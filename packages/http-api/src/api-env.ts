import type { Logger } from "pino";
import type { Principal } from "./auth/principal.ts";

/** The per-request values middleware sets for routes: the request id, a logger that carries it, who is asking. */
export interface ApiEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    /** Set by `authenticate` on every `/v1/*` route but sign-in. */
    principal: Principal | undefined;
  };
}
