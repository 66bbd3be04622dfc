/** The slug an organisation name signs in with: lower-case letters and digits joined by single hyphens. */
export function slugOf(name: string): string {
  return (
    name
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "organisation"
  );
}
