// Uploads: every file is checked by its content before it is stored, images are re-encoded
// without metadata, and files are served only by our route after an access check. Uploads arrive
// on disk (upload-form.server.ts) and are checked and stored from there.
import { createHash } from "node:crypto";
import type { StoredFile } from "~/generated/prisma/client";
import { fallbackLanguage, isLanguage } from "~/i18n/config";
import { audit } from "~/modules/audit/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { i18next } from "~/utils/i18n.server";
import { reencodeImage } from "./images.server";
import { acceptAttribute, allowedLabels, checkSize, checkType, FILE_POLICIES, type FileKind, isFileKind, type Refusal } from "./policy";
import { CONTENT_TYPES, isImageType, sniffBlob } from "./sniff";
import { chunksOf, getStorage, getStorageFor, newStorageKey, StagedFile, StoredObjectMissingError } from "./storage.server";

export type { FileKind } from "./policy";

export type StoreUploadInput = {
  file: File;
  kind: FileKind;
  /** The object the file belongs to ("Company", "Team", …); its access check decides who may read it. */
  ownerType: string;
  ownerId: string;
  uploadedById: string | null;
};

export type StoreUploadResult =
  | { ok: true; file: StoredFile }
  /** `error` in `locale`; `errorKey` the same as an i18n key with its values, for a form's field error. */
  | { ok: false; reason: Refusal; error: string; errorKey: string };

/**
 * Check and store one upload. The caller has already decided that `uploadedById` may add files to
 * the owner. A refusal (wrong type, too large, …) stores nothing and explains why in `locale`.
 * `file` is best a StagedFile (withUploadForm): its bytes are on disk and are checked and stored
 * from there, never read into memory as a whole.
 */
export async function storeUpload(input: StoreUploadInput, locale: string = fallbackLanguage): Promise<StoreUploadResult> {
  const { file, kind, ownerType, ownerId, uploadedById } = input;
  if (!isFileKind(kind)) throw new Error(`Unknown file kind: ${String(kind)}`);
  if (!ownerType || !ownerId) throw new Error("An upload needs an owner (ownerType and ownerId)");
  const policy = FILE_POLICIES[kind];
  // A staged upload reports the bytes that arrived, also over its limit (when they were not kept).
  const size = file.size;
  const refuse = (reason: Refusal) => refusal(reason, kind, locale, size);

  // Size first. An upload read by withUploadForm was counted while it arrived and cut off at this
  // kind's limit (the bytes past it were never written anywhere), and the server caps the whole
  // request at the same limit plus a little (app/server/body-limit.ts): an oversized file is never
  // read into memory.
  const sizeCheck = checkSize(kind, size);
  if (!sizeCheck.ok) return refuse(sizeCheck.reason);

  // The type from the first bytes (and a ZIP container's directory at its end), read from disk.
  const type = checkType(kind, await sniffBlob(file));
  if (!type.ok) return refuse(type.reason);

  let stored: Uint8Array | Blob = file;
  let storedSize = size;
  let sha256 = file instanceof StagedFile && file.sha256 ? file.sha256 : null;
  if (isImageType(type.type)) {
    // Decoded from the staged file on disk; only the (metadata-free) result is held in memory.
    const source = file instanceof StagedFile && file.path ? file.path : new Uint8Array(await file.arrayBuffer());
    const image = await reencodeImage(source, type.type, { maxPixels: policy.maxPixels });
    if (!image.ok) return refuse(image.reason);
    stored = image.bytes;
    storedSize = image.bytes.byteLength;
    sha256 = createHash("sha256").update(image.bytes).digest("hex");
  }
  sha256 ??= await sha256Of(file);

  const { ext } = CONTENT_TYPES[type.type];
  const record = {
    kind,
    fileName: safeFileName(file.name, ext, kind),
    contentType: type.type,
    size: storedSize,
    sha256,
    ownerType,
    ownerId,
    uploadedById,
  };
  const storage = getStorage();
  const storageKey = await storage.put(newStorageKey(ext), stored, type.type);
  try {
    const created = await db.$transaction(async (tx) => {
      const row = await tx.storedFile.create({
        data: { ...record, storage: storage.backend, storageKey, createdAt: now() },
      });
      await audit(
        {
          actorId: uploadedById,
          action: "file.store",
          entityType: "StoredFile",
          entityId: row.id,
          after: { ...record, storage: storage.backend },
        },
        tx,
      );
      return row;
    });
    return { ok: true, file: created };
  } catch (error) {
    // No row, no bytes: a failed write leaves nothing behind.
    await storage.delete(storageKey).catch((cleanup: unknown) => {
      console.error(`Could not remove the bytes of a failed upload (${storage.backend} ${storageKey})`, cleanup);
    });
    throw error;
  }
}

async function sha256Of(file: Blob): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of chunksOf(file)) hash.update(chunk);
  return hash.digest("hex");
}

async function refusal(reason: Refusal, kind: FileKind, locale: string, size: number) {
  const lng = isLanguage(locale) ? locale : fallbackLanguage;
  const t = await i18next.getFixedT(lng, "files");
  const policy = FILE_POLICIES[kind];
  const values = {
    allowed: allowedLabels(kind),
    size: formatBytes(size, lng),
    max: formatBytes(policy.maxBytes, lng),
    maxMegapixels: String(Math.floor(policy.maxPixels / 1_000_000)),
  };
  const error = t(`refused.${reason}`, values);
  return { ok: false as const, reason, error, errorKey: `files:refused.${reason}?${new URLSearchParams(values).toString()}` };
}

/** What an upload field tells the person: the accept attribute, the allowed types and the size limit. */
export function uploadLimits(kind: FileKind, locale: string): { accept: string; allowed: string; max: string } {
  return { accept: acceptAttribute(kind), allowed: allowedLabels(kind), max: formatBytes(FILE_POLICIES[kind].maxBytes, locale) };
}

export function formatBytes(bytes: number, locale: string): string {
  const format = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024 * 1024) return `${format(Math.max(1, Math.ceil(bytes / 1024)))} KB`;
  // Rounded up, so a file just over a limit never reads as equal to it.
  return `${format(Math.ceil((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

/**
 * The name to show and to offer on download: the uploader's base name (no folders, control or
 * bidirectional-override characters, at most 120 characters) with the extension of what the file
 * really is, so "photo.exe" that is a JPEG becomes "photo.jpg".
 */
export function safeFileName(name: string, ext: string, kind: FileKind): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\.[^.]{0,16}$/, "")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  const short = Array.from(base).slice(0, 120).join("").trim();
  return `${short || kind.toLowerCase()}.${ext}`;
}

/** A file that is not deleted, or null. */
export async function findStoredFile(id: string): Promise<StoredFile | null> {
  return db.storedFile.findFirst({ where: { id, deletedAt: null } });
}

/**
 * Mark the file deleted (with an audit entry), then remove its bytes from storage. Returns false
 * when there was nothing to delete. The bytes go after the commit: a failure there leaves an
 * orphan in storage (logged), never a row pointing at missing bytes.
 */
export async function deleteStoredFile({ fileId, actorId }: { fileId: string; actorId: string | null }): Promise<boolean> {
  const file = await db.$transaction(async (tx) => {
    const found = await tx.storedFile.findFirst({ where: { id: fileId, deletedAt: null } });
    if (!found) return null;
    const { count } = await tx.storedFile.updateMany({ where: { id: fileId, deletedAt: null }, data: { deletedAt: now() } });
    if (count === 0) return null;
    await audit(
      {
        actorId,
        action: "file.delete",
        entityType: "StoredFile",
        entityId: fileId,
        before: { kind: found.kind, fileName: found.fileName, ownerType: found.ownerType, ownerId: found.ownerId, sha256: found.sha256 },
      },
      tx,
    );
    return found;
  });
  if (!file) return false;
  try {
    await getStorageFor(file.storage).delete(file.storageKey);
  } catch (error) {
    console.error(`Could not remove the bytes of deleted file ${file.id} (${file.storage} ${file.storageKey})`, error);
  }
  return true;
}

// --- Serving ---------------------------------------------------------------------------------------

// Shown in the browser; everything else is offered as a download.
const INLINE_TYPES = new Set(["image/png", "image/jpeg", "image/webp", "application/pdf"]);

// A served file runs nothing and loads nothing. Built-in PDF viewers may refuse a sandboxed
// document (Firefox's pdf.js; older Chrome showed "blocked"), so inline PDFs get the policy without
// `sandbox`; a PDF served as application/pdf with nosniff is never rendered as a page anyway.
const FILE_CSP = "default-src 'none'; sandbox; frame-ancestors 'self'";
const PDF_CSP = "default-src 'none'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'";

/** RFC 6266: an ASCII fallback `filename` plus the exact name as RFC 8187 `filename*`. */
export function contentDisposition(type: "inline" | "attachment", fileName: string): string {
  const fallback = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The file's bytes with headers that keep the browser from treating them as anything else. Call
 * only after canAccessFile. `ifNoneMatch` (the request's If-None-Match) answers 304 when unchanged;
 * `headOnly` (a HEAD request) answers the headers without fetching the bytes.
 */
export async function fileResponse(
  file: StoredFile,
  options: { download?: boolean; ifNoneMatch?: string | null; headOnly?: boolean } = {},
): Promise<Response> {
  const inline = !options.download && INLINE_TYPES.has(file.contentType);
  const etag = `"${file.sha256}"`;
  const headers = new Headers({
    "Content-Type": file.contentType,
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.fileName),
    "X-Content-Type-Options": "nosniff",
    // The browser may keep it, but asks again (and we check access again) before each use.
    "Cache-Control": "private, no-cache",
    ETag: etag,
    "Content-Security-Policy": inline && file.contentType === "application/pdf" ? PDF_CSP : FILE_CSP,
    "Cross-Origin-Resource-Policy": "same-origin",
    "Referrer-Policy": "no-referrer",
  });
  if (options.ifNoneMatch && options.ifNoneMatch.split(",").some((tag) => tag.trim() === etag)) {
    return new Response(null, { status: 304, headers });
  }
  if (options.headOnly) {
    headers.set("Content-Length", String(file.size));
    return new Response(null, { status: 200, headers });
  }
  let body: ReadableStream<Uint8Array> | Buffer;
  try {
    body = await getStorageFor(file.storage).get(file.storageKey);
  } catch (error) {
    if (!(error instanceof StoredObjectMissingError)) throw error;
    console.error(`The bytes of file ${file.id} are missing from ${file.storage} storage`);
    return new Response("Not Found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
    });
  }
  headers.set("Content-Length", String(file.size));
  return new Response(Buffer.isBuffer(body) ? new Uint8Array(body) : body, { status: 200, headers });
}

// --- Access ------------------------------------------------------------------------------------------

/** May this person (null: not signed in) read files of the owner with this id? */
export type FileAccessCheck = (userId: string | null, ownerId: string) => Promise<boolean>;

// Registrations are code, the same in every instance; kept on globalThis so that a module reload
// in development does not forget the checks other modules registered.
const registry = globalThis as unknown as { __vriendenFileAccess?: Map<string, FileAccessCheck> };
const accessChecks = (registry.__vriendenFileAccess ??= new Map());

/**
 * Each domain module registers who may read files of its owner type, e.g.
 * `registerFileAccess("Company", async (userId, companyId) => …)`. Returns a function that
 * removes the registration (tests).
 */
export function registerFileAccess(ownerType: string, check: FileAccessCheck): () => void {
  accessChecks.set(ownerType, check);
  return () => {
    if (accessChecks.get(ownerType) === check) accessChecks.delete(ownerType);
  };
}

/** Deleted files and owner types nobody registered are readable by no one. */
export async function canAccessFile(
  userId: string | null,
  file: Pick<StoredFile, "id" | "ownerType" | "ownerId" | "deletedAt">,
): Promise<boolean> {
  if (file.deletedAt) return false;
  const check = accessChecks.get(file.ownerType);
  if (!check) return false;
  try {
    return (await check(userId, file.ownerId)) === true;
  } catch (error) {
    console.error(`File access check for ${file.ownerType} failed (file ${file.id})`, error);
    return false;
  }
}
