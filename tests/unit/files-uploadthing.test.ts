// The UploadThing path, end to end through the real SDK (UTApi) against a local fake of its API.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { deleteStoredFile, fileResponse, storeUpload } from "~/modules/files/files.server";
import { discardStaged, getStorage, getStorageFor, StagedFile, stageUpload, UploadThingStorage } from "~/modules/files/storage.server";
import { db } from "~/utils/db.server";
import { resetEnv } from "~/utils/env.server";
import { startUploadThingFake, type UploadThingFake } from "../mocks/uploadthing-fake";

let fake: UploadThingFake;
let dataDir: string;
const saved: Record<string, string | undefined> = {};

function setEnv(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) {
    if (!(key in saved)) saved[key] = process.env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnv();
}

beforeAll(async () => {
  fake = await startUploadThingFake();
  dataDir = await mkdtemp(path.join(tmpdir(), "vv-files-ut-"));
  setEnv({
    ...fake.env,
    DATA_DIR: dataDir,
    SESSION_SECRET: process.env.SESSION_SECRET ?? "files-uploadthing-test-secret-0123456789",
  });
});

afterAll(async () => {
  setEnv(saved);
  await fake.close();
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  fake.requests.length = 0;
});

const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

const upload = (bytes: Uint8Array, name: string, type: string, kind: "PHOTO" | "DOCUMENT" | "LOGO") =>
  storeUpload({ file: new File([new Uint8Array(bytes)], name, { type }), kind, ownerType: "Team", ownerId: "team-1", uploadedById: null });

async function localFiles() {
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile());
}

describe("UploadThing storage (UPLOADTHING_TOKEN set)", () => {
  it("is chosen when the token is set", () => {
    expect(getStorage()).toBeInstanceOf(UploadThingStorage);
    expect(getStorage().backend).toBe("UPLOADTHING");
  });

  it("uploads the checked bytes, records them and serves them back through our response", async () => {
    const result = await upload(pdf, "Eindverslag team Zon.pdf", "application/pdf", "DOCUMENT");
    if (!result.ok) throw new Error(result.error);
    const { file } = result;

    expect(file.storage).toBe("UPLOADTHING");
    expect(fake.requests).toEqual([`PUT /${file.storageKey}`]);
    const received = fake.files.get(file.storageKey);
    expect(received?.bytes).toEqual(pdf);
    expect(received?.type).toBe("application/pdf");
    // UploadThing never sees the pupil's file name, only our random key.
    expect(received?.name).toMatch(/^[0-9a-f-]{36}\.pdf$/);
    expect(received?.customId).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}\.pdf$/);
    expect(await localFiles()).toEqual([]);

    const response = await fileResponse(file);
    expect(response.status).toBe(200);
    expect(fake.requests.at(-1)).toBe(`GET /a/${fake.appId}/${file.storageKey}`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pdf);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(
      `inline; filename="Eindverslag team Zon.pdf"; filename*=UTF-8''Eindverslag%20team%20Zon.pdf`,
    );
    // Proxied, never a redirect to the (public) UploadThing URL.
    expect(response.headers.get("location")).toBeNull();
  });

  it("sends a staged upload from its file on disk, byte for byte, and leaves no local file", async () => {
    // As withUploadForm does: the file part written to disk while it arrives, then stored, then discarded.
    const bytes = Buffer.concat([pdf, Buffer.alloc(3 * 1024 * 1024 + 7, 0x20), Buffer.from("\n%%EOF\n")]);
    async function* arriving() {
      for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
    }
    const file = await stageUpload(arriving(), { name: "groot verslag.pdf", type: "application/pdf", maxBytes: 20 * 1024 * 1024 });
    if (!(file instanceof StagedFile)) throw new Error("not staged");
    expect((await localFiles()).map((e) => e.name)).toEqual([expect.stringMatching(/\.part$/)]);
    const result = await storeUpload({ file, kind: "DOCUMENT", ownerType: "Team", ownerId: "team-1", uploadedById: null });
    await discardStaged(file);
    if (!result.ok) throw new Error(result.error);
    expect(result.file).toMatchObject({ storage: "UPLOADTHING", size: bytes.length, fileName: "groot verslag.pdf" });
    expect(fake.files.get(result.file.storageKey)?.bytes.equals(bytes)).toBe(true);
    expect(await localFiles()).toEqual([]);
  });

  it("sends photos to UploadThing only after their EXIF data is gone", async () => {
    const photo = await sharp({ create: { width: 30, height: 30, channels: 3, background: "#2ecc71" } })
      .withExif({ IFD0: { Artist: "Leerling" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 22/1 30/1" } })
      .jpeg()
      .toBuffer();
    const result = await upload(photo, "foto.jpg", "image/jpeg", "PHOTO");
    if (!result.ok) throw new Error(result.error);
    const received = fake.files.get(result.file.storageKey);
    expect(received).toBeDefined();
    expect((await sharp(received!.bytes).metadata()).exif).toBeUndefined();
    expect(received!.bytes.includes("Leerling")).toBe(false);
  });

  it("sends nothing at all for a refused upload", async () => {
    const before = fake.files.size;
    const result = await upload(Buffer.from("<svg onload=alert(1)>"), "logo.png", "image/png", "LOGO");
    expect(result).toMatchObject({ ok: false, reason: "svg" });
    expect(fake.requests).toEqual([]);
    expect(fake.files.size).toBe(before);
  });

  it("stores no row when UploadThing refuses the upload", async () => {
    const rows = await db.storedFile.count();
    fake.failUploads(500);
    await expect(upload(pdf, "x.pdf", "application/pdf", "DOCUMENT")).rejects.toThrow(/UploadThing upload failed/);
    expect(await db.storedFile.count()).toBe(rows);
  });

  it("deletes the file at UploadThing", async () => {
    const result = await upload(pdf, "weg.pdf", "application/pdf", "DOCUMENT");
    if (!result.ok) throw new Error(result.error);
    const key = result.file.storageKey;
    expect(fake.files.has(key)).toBe(true);

    expect(await deleteStoredFile({ fileId: result.file.id, actorId: null })).toBe(true);
    expect(fake.requests.at(-1)).toBe("POST /v6/deleteFiles");
    expect(fake.files.has(key)).toBe(false);
    expect(await db.auditLog.count({ where: { action: "file.delete", entityId: result.file.id } })).toBe(1);
  });

  it("removes the uploaded bytes again when the database write fails", async () => {
    const before = fake.files.size;
    await expect(
      storeUpload({
        file: new File([pdf], "x.pdf", { type: "application/pdf" }),
        kind: "DOCUMENT",
        ownerType: "Team",
        ownerId: "team-1",
        uploadedById: "no-such-user", // the audit entry's actor must exist
      }),
    ).rejects.toThrow();
    expect(fake.requests).toEqual([expect.stringMatching(/^PUT \//), "POST /v6/deleteFiles"]);
    expect(fake.files.size).toBe(before);
  });

  it("answers 404 when UploadThing no longer has the file", async () => {
    const result = await upload(pdf, "x.pdf", "application/pdf", "DOCUMENT");
    if (!result.ok) throw new Error(result.error);
    fake.files.delete(result.file.storageKey);
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect((await fileResponse(result.file)).status).toBe(404);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("missing from UPLOADTHING storage"));
    logged.mockRestore();
  });

  it("still serves files stored on disk before UploadThing was switched on", async () => {
    setEnv({ UPLOADTHING_TOKEN: undefined });
    const local = await upload(pdf, "oud.pdf", "application/pdf", "DOCUMENT");
    setEnv({ UPLOADTHING_TOKEN: fake.token });
    if (!local.ok) throw new Error(local.error);
    expect(local.file.storage).toBe("LOCAL");
    expect(getStorageFor("LOCAL").backend).toBe("LOCAL");
    const response = await fileResponse(local.file);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pdf);
    expect(fake.requests.filter((r) => r.startsWith("GET"))).toEqual([]);
  });

  it("refuses a wrong API key at the fake, as UploadThing does", async () => {
    const wrong = Buffer.from(JSON.stringify({ apiKey: "sk_wrong", appId: fake.appId, regions: ["fake1"] })).toString("base64");
    const storage = new UploadThingStorage(wrong);
    await expect(storage.put("ab/x.pdf", pdf, "application/pdf")).rejects.toThrow(/UploadThing upload failed/);
    await expect(storage.delete("somekey")).rejects.toThrow();
  });
});
