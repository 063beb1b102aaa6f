// Where the bytes of checked uploads live: local disk under DATA_DIR by default, UploadThing when
// UPLOADTHING_TOKEN is set. Both are reached only through this interface; files are served by our
// own route (files.$fileId.ts), never by a link to the storage.
import { createHash, randomUUID } from "node:crypto";
import { openAsBlob } from "node:fs";
import { type FileHandle, mkdir, open, readdir, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { UTApi, UTFile } from "uploadthing/server";
import type { StorageBackend } from "~/generated/prisma/enums";
import { getEnv } from "~/utils/env.server";

export interface FileStorage {
  readonly backend: StorageBackend;
  /**
   * Store the bytes under `key` and return the key to keep in StoredFile.storageKey: the same key
   * on disk; UploadThing names its files itself and returns its own key. A file (a StagedFile: an
   * upload already on disk) is streamed, never read into memory as a whole.
   */
  put(key: string, content: Uint8Array | Blob, contentType: string): Promise<string>;
  /** Throws StoredObjectMissingError when the storage no longer holds it. */
  get(key: string): Promise<ReadableStream<Uint8Array> | Buffer>;
  /** Removing what is already gone is not an error. */
  delete(key: string): Promise<void>;
}

export class StoredObjectMissingError extends Error {
  constructor(key: string) {
    super(`Stored object not found: ${key}`);
    this.name = "StoredObjectMissingError";
  }
}

/** A fresh key for new bytes: random, so it reveals nothing and cannot collide or be guessed. */
export function newStorageKey(ext: string): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id}.${ext.replace(/[^a-z0-9]/gi, "").toLowerCase() || "bin"}`;
}

// Letters, digits, "-" and "_", with "/" between segments and one "." before an extension: no
// "..", no absolute paths, no backslashes, no hidden files.
const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]*(\/[A-Za-z0-9][A-Za-z0-9_-]*)*(\.[A-Za-z0-9]{1,8})?$/;

export function isSafeStorageKey(key: string): boolean {
  return key.length <= 200 && SAFE_KEY.test(key);
}

/**
 * An upload written to disk while it arrived (stageUpload): a File whose bytes are read from that
 * disk file when asked for. Over its limit only the bytes were counted: `path` and `sha256` are
 * null and there are no bytes to read, but `size` still tells how much was sent (so that every
 * check sees a file, and a too large one).
 */
export class StagedFile extends File {
  readonly path: string | null;
  readonly receivedBytes: number;
  /** sha256 (hex) of the bytes, computed as they arrived. */
  readonly sha256: string | null;

  constructor(blob: Blob, name: string, type: string, staged: { path: string | null; receivedBytes: number; sha256: string | null }) {
    super([blob], name, { type });
    this.path = staged.path;
    this.receivedBytes = staged.receivedBytes;
    this.sha256 = staged.sha256;
  }

  override get size(): number {
    return this.receivedBytes;
  }
}

/**
 * Writes an upload's bytes to a temporary file as they arrive, counting them; past `maxBytes` the
 * file is removed at once and the rest only counted (the caller refuses it as too large). Nothing
 * is left behind when reading fails. An empty upload (a file input with no file chosen) never
 * touches the disk. The temporary file is the caller's to discard (discardStaged), unless a
 * storage took it over (LocalDiskStorage.put renames it into place).
 */
export async function stageUpload(
  chunks: AsyncIterable<Uint8Array>,
  { name, type, maxBytes }: { name: string; type: string; maxBytes: number },
): Promise<File> {
  let handle: FileHandle | undefined;
  let temp: string | undefined;
  let received = 0;
  let kept = true;
  const hash = createHash("sha256");
  try {
    for await (const chunk of chunks) {
      if (chunk.byteLength === 0) continue;
      received += chunk.byteLength;
      if (!kept) continue;
      if (received > maxBytes) {
        kept = false;
        await handle?.close();
        handle = undefined;
        if (temp) await unlink(temp);
        temp = undefined;
        continue;
      }
      if (!handle) {
        const dir = stagingDir();
        await mkdir(dir, { recursive: true, mode: 0o700 });
        temp = path.join(dir, `${randomUUID()}.part`);
        handle = await open(temp, "wx", 0o600);
      }
      await writeAll(handle, chunk);
      hash.update(chunk);
    }
    if (received === 0) return new File([], name, { type });
    if (!kept || !handle || !temp) return new StagedFile(new Blob([]), name, type, { path: null, receivedBytes: received, sha256: null });
    // Synced, so that once it is renamed into place and its row commits, the bytes are on disk.
    await handle.sync();
    await handle.close();
    handle = undefined;
    return new StagedFile(await openAsBlob(temp, { type }), name, type, { path: temp, receivedBytes: received, sha256: hash.digest("hex") });
  } catch (error) {
    await handle?.close().catch(() => undefined);
    if (temp) await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Removes staged uploads that nobody finished: a request always removes its own, so what is left
 * is from a process that stopped mid-upload. A file still being written has a fresh modification
 * time. Returns how many were removed.
 */
export async function purgeAbandonedStagedUploads(olderThanMs: number, at: Date): Promise<number> {
  const dir = stagingDir();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isNotFound(error)) return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith(".part")) continue;
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || at.getTime() - info.mtimeMs < olderThanMs) continue;
    await unlink(file).then(
      () => removed++,
      (error: unknown) => {
        if (!isNotFound(error)) throw error;
      },
    );
  }
  return removed;
}

/** Removes a staged upload's temporary file (nothing when a storage already took it over). */
export async function discardStaged(file: StagedFile): Promise<void> {
  if (!file.path) return;
  await unlink(file.path).catch((error: unknown) => {
    if (!isNotFound(error)) console.error(`Could not remove the temporary upload ${file.path}`, error);
  });
}

/** A Blob's bytes chunk by chunk (a file on disk is read as it goes). */
export async function* chunksOf(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

async function writeAll(handle: FileHandle, chunk: Uint8Array) {
  for (let at = 0; at < chunk.byteLength; ) {
    const { bytesWritten } = await handle.write(chunk, at, chunk.byteLength - at);
    at += bytesWritten;
  }
}

export class LocalDiskStorage implements FileStorage {
  readonly backend = "LOCAL" as const;
  readonly root: string;
  /** Uploads being received (stageUpload); inside the root, so that moving one into place is a rename. No key starts with ".". */
  readonly stagingDir: string;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.stagingDir = path.join(this.root, ".incoming");
  }

  /** The file's path, or an error for any key that could point outside the root. */
  pathFor(key: string): string {
    if (!isSafeStorageKey(key)) throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`);
    const file = path.resolve(this.root, key);
    if (!file.startsWith(this.root + path.sep)) throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`);
    return file;
  }

  async put(key: string, content: Uint8Array | Blob, _contentType: string): Promise<string> {
    const file = this.pathFor(key);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // An upload staged in this root was written (and synced) while it arrived: it only moves.
    if (content instanceof StagedFile && content.path && path.dirname(content.path) === this.stagingDir) {
      await rename(content.path, file);
      return key;
    }
    // Written under a temporary name and renamed, so a crash never leaves half a file under the key;
    // synced, so once the database row commits the bytes are on disk too.
    const temp = `${file}.${randomUUID()}.tmp`;
    const handle = await open(temp, "wx", 0o600);
    try {
      if (content instanceof Uint8Array) await handle.writeFile(content);
      else for await (const chunk of chunksOf(content)) await writeAll(handle, chunk);
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await handle.close();
    try {
      await rename(temp, file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    return key;
  }

  async get(key: string): Promise<ReadableStream<Uint8Array>> {
    const file = this.pathFor(key);
    try {
      if (!(await stat(file)).isFile()) throw new StoredObjectMissingError(key);
    } catch (error) {
      if (isNotFound(error)) throw new StoredObjectMissingError(key);
      throw error;
    }
    return lazyFileStream(file);
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathFor(key));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}

/**
 * Opens the file on the first read and closes it at the end, on error or on cancel: a response
 * whose body is never read (HEAD, an aborted request) holds no file descriptor.
 */
function lazyFileStream(file: string): ReadableStream<Uint8Array> {
  let handle: FileHandle | undefined;
  const close = async () => {
    const current = handle;
    handle = undefined;
    await current?.close();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          handle ??= await open(file, "r");
          const chunk = new Uint8Array(64 * 1024);
          const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
          if (bytesRead === 0) {
            await close();
            controller.close();
          } else {
            controller.enqueue(chunk.subarray(0, bytesRead));
          }
        } catch (error) {
          await close().catch(() => undefined);
          controller.error(error);
        }
      },
      cancel: close,
    },
    { highWaterMark: 0 },
  );
}

const isNotFound = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";

/**
 * UploadThing through its server SDK (UTApi). The SDK reads its own UPLOADTHING_* variables too:
 * UPLOADTHING_INGEST_URL / UPLOADTHING_API_URL / UPLOADTHING_UFS_HOST / UPLOADTHING_UFS_APP_ID_LOCATION
 * point it elsewhere (tests: a local fake).
 */
export class UploadThingStorage implements FileStorage {
  readonly backend = "UPLOADTHING" as const;
  private readonly api: UTApi;
  private readonly fetch: typeof fetch;

  constructor(token: string, options: { fetch?: typeof fetch } = {}) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.api = new UTApi({ token, logLevel: "Error", fetch: this.fetch });
  }

  async put(key: string, content: Uint8Array | Blob, contentType: string): Promise<string> {
    // UploadThing sees only our random key as the name, never the uploader's file name. A staged
    // upload goes as the file on disk, streamed into the request.
    const part = content instanceof Uint8Array ? new Uint8Array(content) : content;
    const file = new UTFile([part], path.posix.basename(key), { type: contentType, customId: key });
    const result = await this.api.uploadFiles(file);
    if (result.error) throw new Error(`UploadThing upload failed: ${result.error.code} ${result.error.message}`);
    return result.data.key;
  }

  async get(key: string): Promise<ReadableStream<Uint8Array>> {
    // A short-lived signed URL works whether the UploadThing app keeps files public or private.
    const { ufsUrl } = await this.api.generateSignedURL(key, { expiresIn: 60 });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 15_000);
    const fetchFile = this.fetch;
    let response: Response;
    try {
      response = await fetchFile(ufsUrl, { signal: controller.signal });
    } finally {
      clearTimeout(timer);
    }
    if (response.status === 404) throw new StoredObjectMissingError(key);
    if (!response.ok || !response.body) throw new Error(`UploadThing answered ${response.status} for a stored file`);
    return response.body;
  }

  async delete(key: string): Promise<void> {
    const result = await this.api.deleteFiles(key);
    if (!result.success) throw new Error("UploadThing did not delete the file");
  }
}

let cached: { config: string; storage: FileStorage } | undefined;
let cachedLocal: { root: string; storage: LocalDiskStorage } | undefined;

function localStorage(): LocalDiskStorage {
  const root = path.resolve(getEnv().DATA_DIR, "uploads");
  if (cachedLocal?.root !== root) cachedLocal = { root, storage: new LocalDiskStorage(root) };
  return cachedLocal.storage;
}

/** Where uploads are written while they arrive, whichever storage keeps them (local disk: moved from here). */
export function stagingDir(): string {
  return localStorage().stagingDir;
}

/** Where new uploads go: UploadThing when a token is set, else local disk. */
export function getStorage(): FileStorage {
  const token = getEnv().UPLOADTHING_TOKEN;
  if (!token) return localStorage();
  if (cached?.config !== token) cached = { config: token, storage: new UploadThingStorage(token) };
  return cached.storage;
}

/**
 * Where an existing file lives: by the backend recorded on its row, not by today's configuration
 * (files stored on disk stay readable after UploadThing is switched on).
 */
export function getStorageFor(backend: StorageBackend): FileStorage {
  if (backend === "LOCAL") return localStorage();
  const storage = getStorage();
  if (storage.backend !== "UPLOADTHING") {
    throw new Error("This file is stored on UploadThing, but UPLOADTHING_TOKEN is not set");
  }
  return storage;
}
