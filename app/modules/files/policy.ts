// What may be uploaded where: per kind of upload, the allowed content types and limits.
// Video is never uploaded (teams share a link instead): it is large and hard to check.
import { CONTENT_TYPES, type ContentType, type SniffResult } from "./sniff";

export const FILE_KINDS = ["LOGO", "PHOTO", "DOCUMENT", "SUBMISSION"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export function isFileKind(value: unknown): value is FileKind {
  return typeof value === "string" && (FILE_KINDS as readonly string[]).includes(value);
}

const MB = 1024 * 1024;

const IMAGES = ["image/png", "image/jpeg", "image/webp"] as const satisfies readonly ContentType[];
const OFFICE = [
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.presentation",
] as const satisfies readonly ContentType[];

export type FilePolicy = {
  types: readonly ContentType[];
  /** Largest upload accepted, in bytes. */
  maxBytes: number;
  /** Largest image accepted, in pixels (width × height): decompression bombs stop here. */
  maxPixels: number;
};

export const FILE_POLICIES: Record<FileKind, FilePolicy> = {
  // A company's logo on the sponsor wall and in the directory.
  LOGO: { types: IMAGES, maxBytes: 2 * MB, maxPixels: 16_000_000 },
  // Photos of meetings, visits and teams' work.
  PHOTO: { types: IMAGES, maxBytes: 10 * MB, maxPixels: 50_000_000 },
  // A company's case files, meeting minutes, invoices' attachments.
  DOCUMENT: { types: ["application/pdf", ...IMAGES, ...OFFICE], maxBytes: 20 * MB, maxPixels: 50_000_000 },
  // A team's hand-in for a challenge or case.
  SUBMISSION: { types: ["application/pdf", ...IMAGES, ...OFFICE], maxBytes: 20 * MB, maxPixels: 50_000_000 },
};

export type Refusal =
  | "empty"
  | "too-large"
  | "not-allowed"
  | "unknown"
  | "video"
  | "heic"
  | "svg"
  | "html"
  | "xml"
  | "executable"
  | "script"
  | "macro"
  | "image-invalid"
  | "image-too-many-pixels";

/** Room next to the file for the form's other fields and the multipart framing. */
export const UPLOAD_OVERHEAD = 64 * 1024;

/**
 * The most a request carrying an upload of this kind may send: the file's limit plus the overhead.
 * The server caps the body there (app/server/body-limit.ts) and the upload form reader stops there.
 */
export function uploadBodyLimit(kind: FileKind): number {
  return FILE_POLICIES[kind].maxBytes + UPLOAD_OVERHEAD;
}

/** Checked before the bytes are read: the size the upload reports. */
export function checkSize(kind: FileKind, size: number): { ok: true } | { ok: false; reason: Refusal } {
  if (size <= 0) return { ok: false, reason: "empty" };
  if (size > FILE_POLICIES[kind].maxBytes) return { ok: false, reason: "too-large" };
  return { ok: true };
}

/** Checked on the sniffed content: the type must be one this kind allows. */
export function checkType(
  kind: FileKind,
  sniffed: SniffResult,
): { ok: true; type: ContentType } | { ok: false; reason: Refusal } {
  if (!sniffed.ok) return { ok: false, reason: sniffed.reason };
  if (FILE_POLICIES[kind].types.includes(sniffed.type)) return { ok: true, type: sniffed.type };
  if (sniffed.type.startsWith("video/")) return { ok: false, reason: "video" };
  if (sniffed.type === "image/heic") return { ok: false, reason: "heic" };
  return { ok: false, reason: "not-allowed" };
}

/** "PNG, JPEG, WebP": for messages. */
export function allowedLabels(kind: FileKind): string {
  return [...new Set(FILE_POLICIES[kind].types.map((t) => CONTENT_TYPES[t].label))].join(", ");
}

/** For an `<input type="file" accept>`: a hint to the browser only, the server decides. */
export function acceptAttribute(kind: FileKind): string {
  const types = FILE_POLICIES[kind].types;
  const extensions = types.map((t) => `.${CONTENT_TYPES[t].ext}`);
  if (types.includes("image/jpeg")) extensions.push(".jpeg");
  return [...types, ...extensions].join(",");
}
