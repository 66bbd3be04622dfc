/** The service name that marks admin-only access (exempt for up to two per server). */
export const ADMIN_SERVICE = "admin";
