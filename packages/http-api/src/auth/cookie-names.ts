/** The session cookie (HttpOnly: scripts never read it). */
export const sessionCookie = "calwise_session";
/** The CSRF cookie of the double-submit check (readable by the page, which echoes it in `X-CSRF-Token`). */
export const csrfCookie = "calwise_csrf";
/** The header a cookie-authenticated write must carry, equal to the CSRF cookie. */
export const csrfHeader = "x-csrf-token";
