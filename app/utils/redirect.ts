/** Only same-site paths: never an open redirect to another host. */
export function safeRedirectPath(to: string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string") return fallback;
  // Printable ASCII only: browsers drop tabs and newlines ("/\t/evil" becomes "//evil"), and a
  // Location header cannot carry NUL or non-Latin-1 text (our own paths come percent-encoded).
  if (!/^[\x21-\x7e]+$/.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
