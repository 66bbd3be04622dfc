/** The session cookie (HttpOnly: scripts never read it). */
export const sessionCookie = "calwise_session";
/** The session's CSRF token as a cookie the page can read and echo in `X-CSRF-Token` (checked against the session). */
export const csrfCookie = "calwise_csrf";
/** The header a cookie-authenticated write must carry: the CSRF token derived from its session. */
export const csrfHeader = "x-csrf-token";
