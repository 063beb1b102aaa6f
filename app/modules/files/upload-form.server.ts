// Reading a form that carries an upload: the file parts go to disk while they arrive (counted and
// cut off at the kind's limit), so an upload is never held in memory, and an oversized one is
// never even kept on disk. The action runs inside withUploadForm; when it is done, whatever it did
// not store is removed, so a refused or failed form leaves no bytes behind.
import { readForm } from "~/utils/forms.server";
import { MultipartError, MultipartTooLargeError, multipartBoundary, readMultipart } from "~/utils/multipart.server";
import { FILE_POLICIES, type FileKind, uploadBodyLimit } from "./policy";
import { discardStaged, StagedFile, stageUpload } from "./storage.server";

/** All text fields of an upload form together: descriptions and plans, far below this. */
export const UPLOAD_FORM_TEXT_LIMIT = 256 * 1024;
/** File parts in one form: our forms have one file field. */
const MAX_FILE_PARTS = 4;

const badRequest = () =>
  new Response("Bad Request: the body is not a form", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
// Behind our server the body limit (same size) stops the request first and answers with its page.
const tooLarge = () =>
  new Response("Payload Too Large: nothing was saved", { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8", Connection: "close" } });

/**
 * Reads the request's form, with each file of this kind staged on disk (a StagedFile, which
 * storeUpload stores without reading it into memory), runs `action` with it, and then removes
 * every staged file that `action` did not store. A form without a file (urlencoded) is read as
 * usual. A body that is no form answers 400; one larger than the kind's upload limit 413.
 */
export async function withUploadForm<T>(request: Request, kind: FileKind, action: (form: FormData) => Promise<T>): Promise<T> {
  const boundary = multipartBoundary(request.headers.get("Content-Type"));
  if (!boundary || !request.body) return action(await readForm(request));
  const staged: StagedFile[] = [];
  try {
    return await action(await readUploadForm(request.body, boundary, kind, staged));
  } finally {
    await Promise.all(staged.map(discardStaged));
  }
}

async function readUploadForm(body: ReadableStream<Uint8Array>, boundary: string, kind: FileKind, staged: StagedFile[]): Promise<FormData> {
  const form = new FormData();
  const decoder = new TextDecoder("utf-8");
  let textBytes = 0;
  let fileParts = 0;
  try {
    for await (const part of readMultipart(body, boundary, { maxBytes: uploadBodyLimit(kind) })) {
      if (part.filename === null) {
        const chunks: Uint8Array[] = [];
        for await (const chunk of part.body) {
          textBytes += chunk.byteLength;
          if (textBytes > UPLOAD_FORM_TEXT_LIMIT) throw new MultipartTooLargeError(UPLOAD_FORM_TEXT_LIMIT);
          chunks.push(chunk);
        }
        form.append(part.name, decoder.decode(Buffer.concat(chunks)));
        continue;
      }
      if (++fileParts > MAX_FILE_PARTS) throw new MultipartError("too many files");
      // As fetch's formData() names them: text/plain when the part says nothing, "" when it is not ASCII.
      const type = part.contentType === null ? "text/plain" : /^[\x20-\x7e]*$/.test(part.contentType) ? part.contentType : "";
      const file = await stageUpload(part.body, { name: part.filename, type, maxBytes: FILE_POLICIES[kind].maxBytes });
      if (file instanceof StagedFile) staged.push(file);
      form.append(part.name, file);
    }
  } catch (error) {
    if (error instanceof MultipartTooLargeError) throw tooLarge();
    if (error instanceof MultipartError) throw badRequest();
    throw error;
  }
  return form;
}
