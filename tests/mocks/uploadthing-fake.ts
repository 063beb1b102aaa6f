// A local fake of the parts of UploadThing's HTTP API that our server uses through UTApi
// (uploadthing 7.7.4, read from node_modules/uploadthing/server/index.js):
//   uploadFiles:       PUT  {ingestUrl}/{fileKey}?expires&x-ut-identifier&x-ut-file-name&x-ut-file-size
//                           &x-ut-file-type&x-ut-custom-id&x-ut-content-disposition&signature
//                      multipart body with one field "file", header "Range: bytes=0-";
//                      answers JSON { url, appUrl, ufsUrl, fileHash }
//   generateSignedURL: no request; builds http(s)://{ufsHost}/a/{appId}/{fileKey}?expires&signature
//                      ("path" app-id location; http when the host contains "local")
//   deleteFiles:       POST {apiUrl}/v6/deleteFiles, header x-uploadthing-api-key, JSON { fileKeys }
//                      answers { success, deletedCount }
// Signatures are "hmac-sha256=" + hex HMAC-SHA256(apiKey, the URL without its signature), as the
// SDK makes them. The token is base64 JSON { apiKey: "sk_…", appId, regions }.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

export type FakeFile = { key: string; bytes: Buffer; name: string; type: string; customId: string | null };

export type UploadThingFake = {
  origin: string;
  apiKey: string;
  appId: string;
  token: string;
  /** The variables that point the SDK (and getStorage()) at this fake. */
  env: Record<string, string>;
  files: Map<string, FakeFile>;
  /** Every request, for assertions: "PUT /abc…", "POST /v6/deleteFiles", "GET /a/app/abc…". */
  requests: string[];
  /** Make the next N uploads fail with this status. */
  failUploads(status: number, times?: number): void;
  close(): Promise<void>;
};

export async function startUploadThingFake(): Promise<UploadThingFake> {
  const apiKey = `sk_fake_${randomBytes(12).toString("hex")}`;
  const appId = `fakeapp${randomBytes(3).toString("hex")}`;
  const token = Buffer.from(JSON.stringify({ apiKey, appId, regions: ["fake1"] })).toString("base64");
  const files = new Map<string, FakeFile>();
  const requests: string[] = [];
  let failing = { status: 0, times: 0 };

  const sign = (payload: string) => `hmac-sha256=${createHmac("sha256", apiKey).update(payload).digest("hex")}`;

  /** The signed URL's signature must match, and it must not have expired. */
  const verifySigned = (origin: string, rawUrl: string): boolean => {
    const match = /^(.*)&signature=([^&]+)$/.exec(rawUrl);
    if (!match) return false;
    const expected = Buffer.from(sign(`${origin}${match[1]}`));
    const given = Buffer.from(decodeURIComponent(match[2]!));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
    const expires = Number(new URL(rawUrl, origin).searchParams.get("expires"));
    return Number.isFinite(expires) && expires > Date.now();
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const origin = `http://${req.headers.host}`;
    const url = new URL(req.url ?? "/", origin);
    requests.push(`${req.method} ${url.pathname}`);

    if (req.method === "POST" && url.pathname === "/v6/deleteFiles") {
      if (req.headers["x-uploadthing-api-key"] !== apiKey) return json(res, 401, { error: "Invalid API key" });
      const body = JSON.parse(await readBody(req)) as { fileKeys?: string[]; customIds?: string[] };
      let deletedCount = 0;
      for (const key of body.fileKeys ?? []) if (files.delete(key)) deletedCount++;
      for (const customId of body.customIds ?? []) {
        for (const [key, file] of files) if (file.customId === customId && files.delete(key)) deletedCount++;
      }
      return json(res, 200, { success: true, deletedCount });
    }

    const read = /^\/a\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && read) {
      if (read[1] !== appId || !verifySigned(origin, req.url ?? "")) return json(res, 403, { error: "Invalid signature" });
      const file = files.get(read[2]!);
      if (!file) return json(res, 404, { error: "Not found" });
      res.writeHead(200, { "Content-Type": file.type, "Content-Length": file.bytes.length }).end(file.bytes);
      return;
    }

    const put = /^\/([A-Za-z0-9]+)$/.exec(url.pathname);
    if (req.method === "PUT" && put) {
      if (!verifySigned(origin, req.url ?? "")) return json(res, 403, { error: "Invalid signature" });
      if (url.searchParams.get("x-ut-identifier") !== appId) return json(res, 403, { error: "Wrong app" });
      if (req.headers.range !== "bytes=0-") return json(res, 400, { error: "Range header expected" });
      if (failing.times > 0) {
        failing.times--;
        return json(res, failing.status, { error: "Simulated failure" });
      }
      const form = await new Request(url, {
        method: "PUT",
        headers: req.headers as Record<string, string>,
        body: Readable.toWeb(req) as ReadableStream,
        duplex: "half",
      } as RequestInit).formData();
      const file = form.get("file");
      if (!(file instanceof Blob)) return json(res, 400, { error: "No file" });
      const bytes = Buffer.from(await file.arrayBuffer());
      const param = (name: string) => {
        const value = url.searchParams.get(name);
        return value === null ? null : decodeURIComponent(value); // the SDK encodes once more
      };
      if (Number(param("x-ut-file-size")) !== bytes.length) return json(res, 400, { error: "Size mismatch" });
      const key = put[1]!;
      files.set(key, {
        key,
        bytes,
        name: param("x-ut-file-name") ?? "",
        type: param("x-ut-file-type") ?? "application/octet-stream",
        customId: param("x-ut-custom-id"),
      });
      const ufsUrl = `${origin}/a/${appId}/${key}`;
      return json(res, 200, { url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash: createHash("sha256").update(bytes).digest("hex") });
    }

    return json(res, 404, { error: `The fake does not implement ${req.method} ${url.pathname}` });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) json(res, 500, { error: String(error) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://localhost:${port}`;

  return {
    origin,
    apiKey,
    appId,
    token,
    env: {
      UPLOADTHING_TOKEN: token,
      UPLOADTHING_INGEST_URL: origin,
      UPLOADTHING_API_URL: origin,
      UPLOADTHING_UFS_HOST: `localhost:${port}`,
      UPLOADTHING_UFS_APP_ID_LOCATION: "path",
    },
    files,
    requests,
    failUploads(status, times = 1) {
      failing = { status, times };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
