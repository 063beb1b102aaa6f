// Issue 15, finding 1 (last part): uploads go to storage while they are read, counted as they
// arrive; an upload over its limit stops being read near the limit and leaves nothing behind, a
// valid one lands byte for byte, an aborted one leaves nothing. Through the routes' own actions.
import { createHash } from "node:crypto";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeUpload } from "~/modules/files/files.server";
import { FILE_POLICIES, uploadBodyLimit } from "~/modules/files/policy";
import { purgeAbandonedStagedUploads } from "~/modules/files/storage.server";
import { withUploadForm } from "~/modules/files/upload-form.server";
import { action as designAction } from "~/routes/ontwerp";
import { action as submissionAction } from "~/routes/teams.$teamId.inzending";
import { withBodyLimit } from "~/server/body-limit";
import { sendWebResponse, toWebRequest } from "~/server/http";
import { db } from "~/utils/db.server";
import { resetEnv } from "~/utils/env.server";
import { MultipartError, multipartBoundary, readMultipart } from "~/utils/multipart.server";
import { assignRole, createSchool, createUser } from "../../prisma/factories";
import { args, respond } from "../support/http";
import { signedIn } from "../support/sessions";

const KB = 1024;
const MB = 1024 * KB;
const CHUNK = 64 * KB;
let dataDir: string;
const savedDataDir = process.env.DATA_DIR;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "vv-streaming-"));
  process.env.DATA_DIR = dataDir;
  resetEnv();
});

afterAll(async () => {
  if (savedDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = savedDataDir;
  resetEnv();
  await rm(dataDir, { recursive: true, force: true });
});

/** Every file under DATA_DIR/uploads, the staging folder included. */
async function filesOnDisk(): Promise<string[]> {
  const root = path.join(dataDir, "uploads");
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** A PDF of exactly `size` bytes, produced chunk by chunk (never whole in memory). */
function pdfChunk(size: number, offset: number, length: number): Uint8Array {
  const head = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n");
  const tail = Buffer.from("\n%%EOF\n");
  const out = Buffer.alloc(length, 0x20);
  if (offset < head.length) head.copy(out, 0, offset, Math.min(head.length, offset + length));
  const tailStart = size - tail.length;
  if (offset + length > tailStart) {
    const from = Math.max(offset, tailStart);
    tail.copy(out, from - offset, from - tailStart, offset + length - tailStart);
  }
  return out;
}

type Sent = {
  request: Request;
  /** Bytes the server pulled from the body so far. */
  pulled: () => number;
  /** Whether the body was read to its end. */
  finished: () => boolean;
  total: number;
  /** sha256 of the file part's bytes. */
  sha256: string;
  /** Stop sending after this many bytes until release() is called. */
  release: () => void;
};

/**
 * A multipart POST whose body is produced as the server pulls it, 64 KB at a time, with text
 * fields before and after one file (a PDF of `fileSize` bytes). `failAfter`: the body errors (the
 * client went away) once that many bytes were sent; `holdAt`: sending waits there for release().
 */
function multipartPost(
  url: string,
  cookie: string,
  options: { before?: [string, string][]; after?: [string, string][]; field?: string; fileName?: string; fileSize: number; failAfter?: number; holdAt?: number },
): Sent {
  const boundary = "----vv-streaming-boundary-0123456789";
  const text = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    (options.before ?? []).map(([n, v]) => text(n, v)).join("") +
      `--${boundary}\r\nContent-Disposition: form-data; name="${options.field ?? "file"}"; filename="${options.fileName ?? "verslag.pdf"}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n${(options.after ?? []).map(([n, v]) => text(n, v)).join("")}--${boundary}--\r\n`);
  const total = head.length + options.fileSize + tail.length;
  const hash = createHash("sha256");
  for (let at = 0; at < options.fileSize; at += MB) hash.update(pdfChunk(options.fileSize, at, Math.min(MB, options.fileSize - at)));
  let sent = 0;
  let finished = false;
  let release: () => void = () => undefined;
  const held = options.holdAt === undefined ? Promise.resolve() : new Promise<void>((resolve) => (release = resolve));
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (options.holdAt !== undefined && sent >= options.holdAt) await held;
        if (options.failAfter !== undefined && sent >= options.failAfter) {
          controller.error(new Error("aborted"));
          return;
        }
        const parts: Uint8Array[] = [];
        let room = CHUNK;
        let at = sent;
        while (room > 0 && at < total) {
          if (at < head.length) {
            const part = head.subarray(at, Math.min(head.length, at + room));
            parts.push(part);
          } else if (at < head.length + options.fileSize) {
            const offset = at - head.length;
            parts.push(pdfChunk(options.fileSize, offset, Math.min(room, options.fileSize - offset)));
          } else {
            const offset = at - head.length - options.fileSize;
            parts.push(tail.subarray(offset, Math.min(tail.length, offset + room)));
          }
          const length = parts.at(-1)!.length;
          room -= length;
          at += length;
        }
        const chunk = Buffer.concat(parts);
        sent += chunk.length;
        controller.enqueue(new Uint8Array(chunk));
        if (sent >= total) {
          finished = true;
          controller.close();
        }
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request(url, {
    method: "POST",
    body,
    duplex: "half",
    headers: { Cookie: cookie, "Content-Type": `multipart/form-data; boundary=${boundary}` },
  } as RequestInit);
  return { request, pulled: () => sent, finished: () => finished, total, sha256: hash.digest("hex"), release: () => release() };
}

async function boardMember() {
  const user = await createUser(db);
  await assignRole(db, user.id, "BOARD");
  return { user, jar: await signedIn(user.id) };
}

const DAY = 86_400_000;
let k = 0;
/** A team in an edition whose hand-in is open, with its teacher. */
async function openTeam() {
  const i = k++;
  const now = Date.now();
  const challenge = await db.challenge.create({ data: { slug: `stream-${i}-${now}`, name: `Stream ${i}`, description: "x", createdAt: new Date(now), updatedAt: new Date(now) } });
  const edition = await db.edition.create({
    data: {
      challengeId: challenge.id,
      year: 2027,
      name: `Stream ${i}`,
      slug: `stream-${i}-${now}`,
      registrationOpensAt: new Date(now - 60 * DAY),
      registrationClosesAt: new Date(now - 30 * DAY),
      submissionDeadline: new Date(now + 30 * DAY),
      judgingOpensAt: new Date(now + 31 * DAY),
      judgingClosesAt: new Date(now + 40 * DAY),
      resultsPublishAt: new Date(now + 50 * DAY),
      categories: { create: [{ name: "Onderbouw", position: 0 }] },
      createdAt: new Date(now),
      updatedAt: new Date(now),
    },
    include: { categories: true },
  });
  const school = await createSchool(db, { name: `Stroomschool ${i}`, brin: `${20 + (i % 70)}ST`, vestiging: String(i % 100).padStart(2, "0") });
  const teacher = await createUser(db);
  await assignRole(db, teacher.id, "TEACHER", { schoolId: school.id });
  const team = await db.team.create({
    data: {
      editionId: edition.id,
      categoryId: edition.categories[0]!.id,
      schoolId: school.id,
      name: `Team ${i}`,
      nameKey: `stream${i}`,
      createdById: teacher.id,
      coaches: { create: [{ userId: teacher.id }] },
      createdAt: new Date(now),
      updatedAt: new Date(now),
    },
  });
  return { team, teacher, jar: await signedIn(teacher.id) };
}

describe("an upload over its limit", () => {
  it("to the team's hand-in: refused with 413, read no further than the limit, nothing stored or left on disk", async () => {
    const { team, jar } = await openTeam();
    const rows = await db.storedFile.count();
    const limit = uploadBodyLimit("SUBMISSION");
    const sent = multipartPost(`http://localhost/teams/${team.id}/inzending`, jar.header(), { before: [["intent", "upload"]], fileSize: 30 * MB });
    const res = await respond(() => submissionAction(args(sent.request, { teamId: team.id })));
    expect(res.status).toBe(413);
    expect(sent.finished()).toBe(false);
    expect(sent.pulled()).toBeLessThanOrEqual(limit + CHUNK);
    expect(await db.storedFile.count()).toBe(rows);
    expect(await db.submissionVersion.count({ where: { submission: { teamId: team.id } } })).toBe(0);
    expect(await filesOnDisk()).toEqual([]);
  });

  it("to the team's hand-in, just over the file's limit: the file field's message, no new version, nothing on disk", async () => {
    const { team, jar } = await openTeam();
    const url = `http://localhost/teams/${team.id}/inzending`;
    const saved = await respond(() =>
      submissionAction(args(new Request(url, { method: "POST", body: new URLSearchParams({ intent: "save", description: "Ons ontwerp" }), headers: { Cookie: jar.header() } }), { teamId: team.id })),
    );
    expect(saved.status).toBe(302);
    const rows = await db.storedFile.count();
    const sent = multipartPost(url, jar.header(), { before: [["intent", "upload"]], fileSize: FILE_POLICIES.SUBMISSION.maxBytes + 10 * KB });
    const res = await respond(() => submissionAction(args(sent.request, { teamId: team.id })));
    expect(res.status).toBe(400);
    const reply = (await res.json()) as { form: string; result: { error: Record<string, string[]> } };
    expect(reply.form).toBe("upload");
    const message = new URLSearchParams(reply.result.error.file?.[0]?.split("?")[1]).get("message");
    expect(message).toBe("Het bestand is te groot (20,1 MB). Het maximum is 20 MB.");
    expect(await db.storedFile.count()).toBe(rows);
    expect(await db.submissionVersion.count({ where: { submission: { teamId: team.id } } })).toBe(1);
    expect(await filesOnDisk()).toEqual([]);
  });

  it("to the design page: the same", async () => {
    const { user, jar } = await boardMember();
    const sent = multipartPost("http://localhost/ontwerp", jar.header(), { before: [["intent", "upload"]], fileSize: 30 * MB });
    const res = await respond(() => designAction(args(sent.request)));
    expect(res.status).toBe(413);
    expect(sent.pulled()).toBeLessThanOrEqual(uploadBodyLimit("DOCUMENT") + CHUNK);
    expect(await db.storedFile.count({ where: { ownerId: user.id } })).toBe(0);
    expect(await filesOnDisk()).toEqual([]);
  });

  it("just over the file's limit (within the form's room): the field's message, the fields after the file kept, nothing on disk", async () => {
    const { user, jar } = await boardMember();
    const size = FILE_POLICIES.DOCUMENT.maxBytes + 10 * KB;
    const sent = multipartPost("http://localhost/ontwerp", jar.header(), { after: [["intent", "upload"]], fileSize: size });
    const res = await respond(() => designAction(args(sent.request)));
    expect(res.status).toBe(400);
    const reply = (await res.json()) as { error: Record<string, string[]>; initialValue: Record<string, unknown> };
    const [key, values] = (reply.error.file?.[0] ?? "").split("?");
    expect(key).toBe("files:refused.too-large");
    // The size that arrived, counted (its bytes past the limit were not kept).
    expect(Object.fromEntries(new URLSearchParams(values))).toMatchObject({ size: "20,1 MB", max: "20 MB" });
    expect(reply.initialValue.intent).toBe("upload");
    expect(sent.finished()).toBe(true);
    expect(await db.storedFile.count({ where: { ownerId: user.id } })).toBe(0);
    expect(await filesOnDisk()).toEqual([]);
  });
});

describe("a valid upload", () => {
  it("is written to disk while it arrives, and lands byte for byte under its key", async () => {
    const { user, jar } = await boardMember();
    const size = 3 * MB + 12_345;
    const sent = multipartPost("http://localhost/ontwerp", jar.header(), { before: [["intent", "upload"]], fileName: "Verslag; versie=2.pdf", fileSize: size, holdAt: 2 * MB });
    const pending = respond(() => designAction(args(sent.request)));
    // Halfway, with the rest of the body still to come, the first part is on disk already.
    let staged: string[] = [];
    for (let i = 0; i < 200 && !staged.length; i++) {
      staged = (await filesOnDisk()).filter((f) => f.startsWith(".incoming/"));
      if (staged.length && (await stat(path.join(dataDir, "uploads", staged[0]!))).size < 2 * MB - CHUNK) staged = [];
      if (!staged.length) await new Promise((r) => setTimeout(r, 25));
    }
    expect(staged).toHaveLength(1);
    expect(sent.finished()).toBe(false);
    sent.release();
    const res = await pending;
    expect(res.status).toBe(302);

    const file = await db.storedFile.findFirstOrThrow({ where: { ownerId: user.id } });
    expect(file).toMatchObject({ fileName: "Verslag; versie=2.pdf", contentType: "application/pdf", size, sha256: sent.sha256, storage: "LOCAL" });
    const bytes = await readFile(path.join(dataDir, "uploads", file.storageKey));
    expect(bytes.length).toBe(size);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(sent.sha256);
    // Moved into place: nothing left in the staging folder.
    expect(await filesOnDisk()).toEqual([file.storageKey]);
    await db.storedFile.delete({ where: { id: file.id } });
    await rm(path.join(dataDir, "uploads", file.storageKey));
  });
});

describe("an aborted upload", () => {
  it("leaves no row and no file, staged or otherwise", async () => {
    const { user, jar } = await boardMember();
    const sent = multipartPost("http://localhost/ontwerp", jar.header(), { before: [["intent", "upload"]], fileSize: 8 * MB, failAfter: 3 * MB });
    const res = await respond(() => designAction(args(sent.request)));
    expect(res.status).toBe(400);
    expect(sent.pulled()).toBeLessThan(4 * MB);
    expect(await db.storedFile.count({ where: { ownerId: user.id } })).toBe(0);
    expect(await filesOnDisk()).toEqual([]);
  });
});

describe("through our node:http server", () => {
  // The composition of app/server/main.ts, with an app that reads and stores the upload as the
  // routes do. `outcomes`: each request's status once the app is done with it.
  const outcomes: Array<number | string> = [];
  const received: number[] = [];
  let port = 0;
  let server: Server;
  let settled: () => void = () => undefined;

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      let read = 0;
      req.on("data", (chunk: Buffer) => (read += chunk.length));
      try {
        const response = await withBodyLimit(req, async () => {
          const request = toWebRequest(req, res, "http://localhost");
          try {
            return await withUploadForm(request, "DOCUMENT", async (form) => {
              const file = form.get("file");
              if (!(file instanceof File)) return new Response("no file", { status: 400 });
              const stored = await storeUpload({ file, kind: "DOCUMENT", ownerType: "StreamTest", ownerId: "server", uploadedById: null });
              return new Response(stored.ok ? "stored" : stored.reason, { status: stored.ok ? 200 : 400 });
            });
          } catch (thrown) {
            if (thrown instanceof Response) return thrown;
            throw thrown;
          }
        });
        outcomes.push(response.status);
        await sendWebResponse(res, response, req.method).catch(() => undefined);
      } catch (error) {
        outcomes.push(String(error));
      } finally {
        received.push(read);
        settled();
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const boundary = "----vv-server-boundary";
  const fileHead = (name: string) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;
  const open = (headers: Record<string, string> = {}) => {
    outcomes.length = 0;
    received.length = 0;
    const done = new Promise<void>((resolve) => (settled = resolve));
    const req = httpRequest({ host: "127.0.0.1", port, path: "/ontwerp", method: "POST", headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, ...headers } });
    const answer = new Promise<{ status: number; text: string }>((resolve) => {
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
    });
    req.on("error", () => undefined);
    return { req, done, answer };
  };

  it("an upload over the limit (no length declared): 413 page, read no further than the limit, nothing left", async () => {
    const { req, done, answer } = open();
    req.write(fileHead("te-groot.pdf"));
    const size = 40 * MB;
    let sent = 0;
    await new Promise<void>((resolve) => {
      const write = () => {
        while (sent < size) {
          const part = pdfChunk(size, sent, Math.min(CHUNK, size - sent));
          sent += part.length;
          if (!req.write(part)) return void req.once("drain", write);
        }
        resolve();
      };
      req.on("close", resolve);
      write();
    });
    const { status, text } = await answer;
    await done;
    expect(status).toBe(413);
    expect(text).toContain("Te veel gegevens verstuurd");
    expect(received[0]).toBeLessThanOrEqual(uploadBodyLimit("DOCUMENT") + CHUNK);
    expect(await db.storedFile.count({ where: { ownerId: "server" } })).toBe(0);
    expect(await filesOnDisk()).toEqual([]);
    req.destroy();
  });

  it("a client that goes away mid-upload leaves nothing, and the request ends", async () => {
    const { req, done } = open({ "Content-Length": String(10 * MB) });
    req.write(fileHead("half.pdf"));
    req.write(pdfChunk(10 * MB, 0, 2 * MB));
    // Wait until the server is writing the file, then go away.
    for (let i = 0; i < 200 && !(await filesOnDisk()).length; i++) await new Promise((r) => setTimeout(r, 25));
    expect((await filesOnDisk()).filter((f) => f.startsWith(".incoming/"))).toHaveLength(1);
    req.destroy();
    await done;
    expect(outcomes).toHaveLength(1);
    expect(await db.storedFile.count({ where: { ownerId: "server" } })).toBe(0);
    expect(await filesOnDisk()).toEqual([]);
  });
});

describe("uploads a stopped process left behind", () => {
  it("are removed after an hour; one still being written stays", async () => {
    const dir = path.join(dataDir, "uploads", ".incoming");
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "old.part"), "half");
    await writeFile(path.join(dir, "fresh.part"), "still coming");
    // Both times set from the test's clock: the kernel stamps a new file with the real time, which
    // is not the clock the faked-date run (tests/faketime.ts) gives the process.
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000);
    await utimes(path.join(dir, "old.part"), twoHoursAgo, twoHoursAgo);
    await utimes(path.join(dir, "fresh.part"), fiveMinutesAgo, fiveMinutesAgo);
    expect(await purgeAbandonedStagedUploads(60 * 60_000, new Date())).toBe(1);
    expect(await filesOnDisk()).toEqual([".incoming/fresh.part"]);
    await rm(path.join(dir, "fresh.part"));
  });
});

describe("the multipart reader", () => {
  async function both(body: FormData | string, contentType?: string) {
    const request = () => new Request("http://localhost/", { method: "POST", body, headers: contentType ? { "Content-Type": contentType } : {} });
    const expected = await request()
      .formData()
      .then((f) => Promise.all([...f].map(async ([n, v]) => [n, typeof v === "string" ? v : { name: v.name, type: v.type, text: await v.text() }])))
      .catch(() => "failure");
    const req = request();
    const boundary = multipartBoundary(req.headers.get("Content-Type"));
    let actual: unknown;
    try {
      if (!boundary) throw new MultipartError("no boundary");
      const parts: unknown[] = [];
      for await (const part of readMultipart(req.body!, boundary)) {
        const chunks: Uint8Array[] = [];
        for await (const c of part.body) chunks.push(c);
        const text = new TextDecoder().decode(Buffer.concat(chunks));
        parts.push([part.name, part.filename === null ? text : { name: part.filename, type: part.contentType ?? "text/plain", text }]);
      }
      actual = parts;
    } catch (error) {
      if (!(error instanceof MultipartError)) throw error;
      actual = "failure";
    }
    return { expected, actual };
  }

  it("reads what fetch's formData() reads, names with ';', '=', quotes and line breaks included", async () => {
    const form = new FormData();
    form.append("intent", "upload");
    form.append("na\"me\r\nx", "waarde; met=tekens\r\n--niet-de-grens");
    form.append("file", new File(["%PDF-1.4 inhoud"], 'Verslag; a=b "c"\n.pdf', { type: "application/pdf" }));
    form.append("leeg", new File([], ""));
    form.append("ünïcode", new File(["x"], "café ☕.pdf", { type: "" }));
    const { expected, actual } = await both(form);
    expect(expected).not.toBe("failure");
    expect(actual).toEqual(expected);
  });

  it.each([
    ["no boundary in the body", "a=1&b=2", "multipart/form-data; boundary=vv"],
    ["a cut-off body", "--vv\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1", "multipart/form-data; boundary=vv"],
    ["a part without a name", "--vv\r\nContent-Type: text/plain\r\n\r\n1\r\n--vv--\r\n", "multipart/form-data; boundary=vv"],
  ])("refuses %s, as formData() does", async (_name, body, type) => {
    const { expected, actual } = await both(body, type);
    expect(expected).toBe("failure");
    expect(actual).toBe("failure");
  });
});
