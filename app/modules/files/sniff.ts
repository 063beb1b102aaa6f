// What a file is, decided by its bytes alone: never by its name or the type the browser claims.
// Pure (no Node APIs: web Blobs only), so a browser-side pre-check can use the same table later.

/** Every content type this module can name. Recognised is not allowed: see policy.ts. */
export const CONTENT_TYPES = {
  "image/png": { ext: "png", label: "PNG", image: true },
  "image/jpeg": { ext: "jpg", label: "JPEG", image: true },
  "image/webp": { ext: "webp", label: "WebP", image: true },
  "image/gif": { ext: "gif", label: "GIF", image: false },
  "image/avif": { ext: "avif", label: "AVIF", image: false },
  "image/heic": { ext: "heic", label: "HEIC", image: false },
  "application/pdf": { ext: "pdf", label: "PDF", image: false },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    ext: "docx",
    label: "Word (.docx)",
    image: false,
  },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    ext: "xlsx",
    label: "Excel (.xlsx)",
    image: false,
  },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": {
    ext: "pptx",
    label: "PowerPoint (.pptx)",
    image: false,
  },
  "application/vnd.oasis.opendocument.text": { ext: "odt", label: "OpenDocument (.odt)", image: false },
  "application/vnd.oasis.opendocument.spreadsheet": { ext: "ods", label: "OpenDocument (.ods)", image: false },
  "application/vnd.oasis.opendocument.presentation": { ext: "odp", label: "OpenDocument (.odp)", image: false },
  "application/zip": { ext: "zip", label: "ZIP", image: false },
  "application/x-ole-storage": { ext: "doc", label: "Office 97–2003", image: false },
  "video/mp4": { ext: "mp4", label: "MP4", image: false },
  "video/quicktime": { ext: "mov", label: "QuickTime", image: false },
  "video/webm": { ext: "webm", label: "WebM", image: false },
  "video/x-msvideo": { ext: "avi", label: "AVI", image: false },
  "audio/mp4": { ext: "m4a", label: "M4A", image: false },
} as const satisfies Record<string, { ext: string; label: string; image: boolean }>;

export type ContentType = keyof typeof CONTENT_TYPES;

/** Raster images we decode and re-encode ourselves (sharp), which also strips their metadata. */
export type ImageContentType = "image/png" | "image/jpeg" | "image/webp";

export function isImageType(type: string): type is ImageContentType {
  return type in CONTENT_TYPES && CONTENT_TYPES[type as ContentType].image;
}

/** Content that is refused whatever the kind of upload: it can run code or be rendered as a page. */
export type DangerousContent = "svg" | "html" | "xml" | "executable" | "script" | "macro";

export type SniffResult =
  | { ok: true; type: ContentType }
  | { ok: false; reason: DangerousContent | "empty" | "unknown" };

const ascii = (bytes: Uint8Array, start: number, length: number): string => {
  let s = "";
  for (let i = start; i < start + length && i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
};

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

const EXECUTABLE_SIGNATURES: readonly (readonly number[])[] = [
  [0x4d, 0x5a], // "MZ": Windows PE / DOS
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce], // Mach-O 32
  [0xfe, 0xed, 0xfa, 0xcf], // Mach-O 64
  [0xce, 0xfa, 0xed, 0xfe], // Mach-O 32, little-endian
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64, little-endian
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal binary / Java class
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
  [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00], // Windows shortcut (.lnk)
  [0x64, 0x65, 0x78, 0x0a], // Android DEX
];

/** What the whole file is (a file in memory). */
export function sniff(bytes: Uint8Array): SniffResult {
  return sniffHead(bytes, isZip(bytes) ? zipEntryNames(bytes) : null);
}

/**
 * Enough of a file's start to decide its type: every signature, the text check (4 KB) and an
 * OpenDocument's "mimetype" entry (its header may carry 64 KB of extra field) lie within it.
 */
export const SNIFF_HEAD_BYTES = 128 * 1024;

/**
 * What a file is, from its first bytes (`head`: the first SNIFF_HEAD_BYTES, or all of a shorter
 * file). A ZIP container is told apart by its entry names, which sit in the central directory at
 * the file's end: `zipNames` (from zipEntryNames, or zipDirectoryAt + zipNamesFromDirectory on a
 * file read in parts), null when there are none to read.
 */
export function sniffHead(head: Uint8Array, zipNames: string[] | null): SniffResult {
  if (head.length === 0) return { ok: false, reason: "empty" };
  const binary = sniffBinary(head, zipNames);
  if (binary) return binary;
  return sniffText(head);
}

/**
 * What a file is (in memory or on disk), reading only its head and, for a ZIP container, its end
 * record and central directory.
 */
export async function sniffBlob(file: Blob): Promise<SniffResult> {
  const read = async (start: number, end?: number) => new Uint8Array(await file.slice(start, end).arrayBuffer());
  const head = await read(0, SNIFF_HEAD_BYTES);
  if (!isZip(head)) return sniffHead(head, null);
  const tailOffset = Math.max(0, file.size - ZIP_TAIL_BYTES);
  const directory = zipDirectoryAt(await read(tailOffset), tailOffset);
  if (!directory || directory.end - directory.start > MAX_ZIP_DIRECTORY_BYTES) return sniffHead(head, null);
  return sniffHead(head, zipNamesFromDirectory(await read(directory.start, directory.end), directory.count));
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04] as const;

/** Starts like a ZIP container (then its entry names decide). */
export const isZip = (head: Uint8Array): boolean => startsWith(head, ZIP_SIGNATURE);

function sniffBinary(b: Uint8Array, zipNames: string[] | null): SniffResult | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, type: "image/png" };
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { ok: true, type: "image/jpeg" };
  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "WEBP") return { ok: true, type: "image/webp" };
  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "AVI ") return { ok: true, type: "video/x-msvideo" };
  if (ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a") return { ok: true, type: "image/gif" };
  // Strictly at offset 0: readers accept "%PDF-" further in, which is how PDF polyglots are made.
  if (ascii(b, 0, 5) === "%PDF-") return { ok: true, type: "application/pdf" };
  if (ascii(b, 4, 4) === "ftyp") return { ok: true, type: isoMediaType(b) };
  if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) return { ok: true, type: "video/webm" };
  if (isZip(b)) return sniffZip(b, zipNames);
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { ok: true, type: "application/x-ole-storage" };
  if (EXECUTABLE_SIGNATURES.some((sig) => startsWith(b, sig))) return { ok: false, reason: "executable" };
  return null;
}

const HEIF_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1"]);

function isoMediaType(b: Uint8Array): ContentType {
  const boxSize = Math.min(u32be(b, 0), b.length, 256);
  const brands = [ascii(b, 8, 4)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(b, at, 4));
  if (brands.includes("avif") || brands.includes("avis")) return "image/avif";
  if (brands.some((brand) => HEIF_BRANDS.has(brand))) return "image/heic";
  if (brands[0] === "qt  ") return "video/quicktime";
  if (brands[0] === "M4A " || brands[0] === "M4B ") return "audio/mp4";
  return "video/mp4";
}

const u32be = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

// --- ZIP containers: OOXML (docx/xlsx/pptx) and OpenDocument -------------------------------------

const ODF_TYPES: Record<string, ContentType> = {
  "application/vnd.oasis.opendocument.text": "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet": "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.presentation": "application/vnd.oasis.opendocument.presentation",
};

// Macros and ActiveX controls run code when the document is opened with them enabled.
const ACTIVE_CONTENT = /(^|\/)(vbaProject\.bin|vbaData\.xml)$|(^|\/)activeX\/|^(Basic|Scripts)\//i;

function sniffZip(b: Uint8Array, names: string[] | null): SniffResult {
  if (!names) return { ok: true, type: "application/zip" };
  if (names.some((name) => ACTIVE_CONTENT.test(name))) return { ok: false, reason: "macro" };

  if (names.includes("[Content_Types].xml")) {
    if (names.includes("word/document.xml")) return { ok: true, type: CONTENT_TYPE_DOCX };
    if (names.includes("xl/workbook.xml")) return { ok: true, type: CONTENT_TYPE_XLSX };
    if (names.includes("ppt/presentation.xml")) return { ok: true, type: CONTENT_TYPE_PPTX };
  }
  // OpenDocument: the first entry is an uncompressed file "mimetype" holding the type.
  const nameLength = u16(b, 26);
  const extraLength = u16(b, 28);
  if (u16(b, 8) === 0 && ascii(b, 30, nameLength) === "mimetype" && names.includes("content.xml")) {
    const declared = ascii(b, 30 + nameLength + extraLength, Math.min(u32(b, 18), 100));
    const odf = ODF_TYPES[declared];
    if (odf) return { ok: true, type: odf };
  }
  return { ok: true, type: "application/zip" };
}

const CONTENT_TYPE_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const CONTENT_TYPE_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CONTENT_TYPE_PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

const MAX_ZIP_ENTRIES = 10_000;
/** A directory larger than this is not a document's (read from disk, it would be read into memory). */
const MAX_ZIP_DIRECTORY_BYTES = 4 * 1024 * 1024;

/** Entry names from the ZIP central directory, or null when it cannot be read (then: plain zip). */
export function zipEntryNames(b: Uint8Array): string[] | null {
  const directory = zipDirectoryAt(b, 0);
  if (!directory || directory.end > b.length) return null;
  return zipNamesFromDirectory(b.subarray(directory.start, directory.end), directory.count);
}

/** How many bytes at a ZIP file's end can hold its end record: 22 bytes plus a comment of at most 65,535. */
export const ZIP_TAIL_BYTES = 22 + 0xffff;

/**
 * Where the central directory lies (file offsets, `end` exclusive: it ends where the end record
 * begins), from the file's last bytes (`tail`, the last ZIP_TAIL_BYTES or all of a shorter file,
 * starting at file offset `tailOffset`). Null when there is no end record, or for ZIP64.
 */
export function zipDirectoryAt(tail: Uint8Array, tailOffset: number): { start: number; end: number; count: number } | null {
  let eocd = -1;
  for (let at = tail.length - 22; at >= Math.max(0, tail.length - ZIP_TAIL_BYTES); at--) {
    if (tail[at] === 0x50 && tail[at + 1] === 0x4b && tail[at + 2] === 0x05 && tail[at + 3] === 0x06) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(tail, eocd + 10);
  const offset = u32(tail, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || count > MAX_ZIP_ENTRIES) return null; // ZIP64: not for documents
  const end = tailOffset + eocd;
  if (offset > end) return null;
  return { start: offset, end, count };
}

/** The names of `count` entries in a central directory (its bytes alone), or null when it is broken. */
export function zipNamesFromDirectory(b: Uint8Array, count: number): string[] | null {
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const names: string[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) return null;
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    if (at + 46 + nameLength > b.length) return null;
    names.push(decoder.decode(b.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

// --- Text: markup and scripts --------------------------------------------------------------------

const HEAD_BYTES = 4096;

function decodeHead(b: Uint8Array): string {
  const head = b.subarray(0, HEAD_BYTES);
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return new TextDecoder("utf-8").decode(head.subarray(3));
  if (startsWith(head, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(head.subarray(2));
  if (startsWith(head, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(head.subarray(2));
  // UTF-16 without a byte order mark still shows as "<\0" or "\0<".
  if (head.length > 1 && head[1] === 0 && head[0] !== 0) return new TextDecoder("utf-16le").decode(head);
  if (head.length > 1 && head[0] === 0 && head[1] !== 0) return new TextDecoder("utf-16be").decode(head);
  return new TextDecoder("utf-8").decode(head);
}

const SVG = /<svg[\s>/]|<!doctype\s+svg/i;
const HTML = /<(!doctype\s+html|html|head|body|script|iframe|object|embed|frameset|meta|link|style|title|div|p|a|img|form|table|br|h[1-6])[\s>/]/i;

function sniffText(b: Uint8Array): SniffResult {
  const text = decodeHead(b).replace(/^[\s\u0000]+/, "");
  if (text.startsWith("#!")) return { ok: false, reason: "script" };
  if (SVG.test(text)) return { ok: false, reason: "svg" };
  if (HTML.test(text) || /^<!--/.test(text)) return { ok: false, reason: "html" };
  if (/^<\?xml/i.test(text) || /^<[a-z!?]/i.test(text)) return { ok: false, reason: "xml" };
  return { ok: false, reason: "unknown" };
}
