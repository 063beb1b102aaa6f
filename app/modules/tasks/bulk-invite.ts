// Shared by the people page's form (browser) and the bulk invitation task (server).
export const BULK_INVITE_KIND = "bulk-invite";
export const BULK_INVITE_MAX = 500;

/** The non-empty lines of a textarea (NUL characters dropped, each trimmed). */
export function emailLines(text: string): string[] {
  return text
    .replaceAll("\u0000", "")
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
