// A multipart/form-data reader that hands out each part's bytes as they arrive, so an upload can
// go to disk while it is read instead of being held in memory first. It follows the WHATWG draft
// "multipart/form-data parser" (the one fetch's formData() implements): quoted names with %0A,
// %0D and %22 escapes, a filename that may hold ";" or "=" (Remix's parser refuses those).

export class MultipartError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(`Not a multipart form: ${message}`, options);
    this.name = "MultipartError";
  }
}

/** The body passed `maxBytes`: reading stopped there. */
export class MultipartTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The form is larger than ${limit} bytes`);
    this.name = "MultipartTooLargeError";
  }
}

export type MultipartPart = {
  name: string;
  /** null for a text field; "" for a file input with no file chosen. */
  filename: string | null;
  contentType: string | null;
  /** The part's bytes, chunk by chunk. Whatever is not read is skipped (never buffered) by the next part. */
  body: AsyncIterable<Uint8Array>;
};

/** The boundary from a `multipart/form-data; boundary=…` Content-Type, or null for any other type. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const match = /;\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^;\s"]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

const CRLF = Buffer.from("\r\n");
const HEADERS_END = Buffer.from("\r\n\r\n");
const MAX_HEADER_BYTES = 16 * 1024;
const MAX_PARTS = 1000;

/**
 * Reads the parts one by one; each part's body must be finished (or is skipped) before the next.
 * Throws MultipartError for a body that is no multipart form or could not be read (the client went
 * away), and MultipartTooLargeError as soon as more than `maxBytes` arrived.
 */
export async function* readMultipart(
  body: ReadableStream<Uint8Array>,
  boundary: string,
  { maxBytes = Infinity }: { maxBytes?: number } = {},
): AsyncGenerator<MultipartPart> {
  const dashBoundary = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.concat([CRLF, dashBoundary]);
  const reader = body.getReader();
  let buffer: Buffer = Buffer.alloc(0);
  let ended = false;
  let received = 0;

  /** Reads one more chunk into the buffer; false at the end of the body. */
  const more = async (): Promise<boolean> => {
    if (ended) return false;
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch (error) {
      throw new MultipartError(`the body could not be read (${error instanceof Error ? error.message : String(error)})`, { cause: error });
    }
    const { done, value } = result;
    if (done) {
      ended = true;
      return false;
    }
    received += value.byteLength;
    if (received > maxBytes) throw new MultipartTooLargeError(maxBytes);
    const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    return true;
  };
  const need = async (bytes: number) => {
    while (buffer.length < bytes) if (!(await more())) throw new MultipartError("the body ends too early");
  };

  try {
    // Leading blank lines are tolerated (as fetch's parser does); then the first boundary.
    for (;;) {
      await need(2);
      if (!buffer.subarray(0, 2).equals(CRLF)) break;
      buffer = buffer.subarray(2);
    }
    await need(dashBoundary.length);
    if (!buffer.subarray(0, dashBoundary.length).equals(dashBoundary)) throw new MultipartError("it does not start with the boundary");
    buffer = buffer.subarray(dashBoundary.length);

    for (let parts = 0; ; parts++) {
      await need(2);
      if (buffer[0] === 0x2d && buffer[1] === 0x2d) return; // "--": the last boundary; the epilogue is not read
      if (!buffer.subarray(0, 2).equals(CRLF)) throw new MultipartError("a boundary is not followed by a line break");
      if (parts >= MAX_PARTS) throw new MultipartError("too many parts");
      buffer = buffer.subarray(2);

      // A part without headers starts with the blank line itself.
      await need(2);
      if (buffer.subarray(0, 2).equals(CRLF)) throw new MultipartError("a part has no headers");
      let end = buffer.indexOf(HEADERS_END);
      while (end < 0) {
        if (buffer.length > MAX_HEADER_BYTES) throw new MultipartError("a part's headers are too long");
        if (!(await more())) throw new MultipartError("the body ends in a part's headers");
        end = buffer.indexOf(HEADERS_END);
      }
      if (end > MAX_HEADER_BYTES) throw new MultipartError("a part's headers are too long");
      const headers = parseHeaders(buffer.subarray(0, end + 2));
      buffer = buffer.subarray(end + HEADERS_END.length);

      let finished = false;
      const next = async (): Promise<IteratorResult<Uint8Array>> => {
        for (;;) {
          if (finished) return { done: true, value: undefined };
          const at = buffer.indexOf(delimiter);
          if (at >= 0) {
            const chunk = buffer.subarray(0, at);
            buffer = buffer.subarray(at + delimiter.length);
            finished = true;
            if (chunk.length) return { done: false, value: chunk };
            continue;
          }
          // Everything but a tail that could be the start of the delimiter belongs to the part.
          const keep = delimiter.length - 1;
          if (buffer.length > keep) {
            const chunk = buffer.subarray(0, buffer.length - keep);
            buffer = buffer.subarray(buffer.length - keep);
            return { done: false, value: chunk };
          }
          if (!(await more())) throw new MultipartError("the body ends inside a part");
        }
      };
      yield { ...headers, body: { [Symbol.asyncIterator]: () => ({ next }) } };
      // Whatever the reader left of this part is skipped, not kept.
      while (!(await next()).done);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

const decoder = new TextDecoder("utf-8");
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function parseHeaders(block: Buffer): { name: string; filename: string | null; contentType: string | null } {
  let name: string | null = null;
  let filename: string | null = null;
  let contentType: string | null = null;
  let at = 0;
  while (at < block.length) {
    const lineEnd = block.indexOf(CRLF, at);
    const line = block.subarray(at, lineEnd < 0 ? block.length : lineEnd);
    at = lineEnd < 0 ? block.length : lineEnd + 2;
    const colon = line.indexOf(0x3a);
    if (colon < 0) throw new MultipartError("a part header has no colon");
    const header = line.subarray(0, colon).toString("latin1").trim();
    if (!TOKEN.test(header)) throw new MultipartError("a part header has an invalid name");
    const value = line.subarray(colon + 1);
    switch (header.toLowerCase()) {
      case "content-disposition": {
        const parsed = parseDisposition(value);
        name = parsed.name;
        filename = parsed.filename;
        break;
      }
      case "content-type":
        contentType = value.toString("latin1").trim();
        break;
    }
  }
  if (name === null) throw new MultipartError("a part has no name");
  return { name, filename, contentType };
}

/** `form-data; name="…"` with an optional `; filename="…"` (or `filename*="…"`), as browsers send it. */
function parseDisposition(raw: Buffer): { name: string; filename: string | null } {
  let at = 0;
  while (raw[at] === 0x20 || raw[at] === 0x09) at++;
  const prefix = Buffer.from('form-data; name="');
  if (!raw.subarray(at, at + prefix.length).equals(prefix)) throw new MultipartError("a part is not form-data with a name");
  at += prefix.length;
  const name = quoted(raw, at);
  at = name.end;
  let filename: string | null = null;
  const filenamePrefix = Buffer.from("; filename");
  if (raw.subarray(at, at + filenamePrefix.length).equals(filenamePrefix)) {
    at += filenamePrefix.length;
    if (raw[at] === 0x2a) at++; // filename*
    if (raw[at] !== 0x3d || raw[at + 1] !== 0x22) throw new MultipartError("a part's filename is not quoted");
    filename = quoted(raw, at + 2).value;
  }
  return { name: name.value, filename };
}

/** The quoted string starting at `start` (after its opening quote), with the form encoding's escapes undone. */
function quoted(raw: Buffer, start: number): { value: string; end: number } {
  const close = raw.indexOf(0x22, start);
  if (close < 0) throw new MultipartError("a quoted name is not closed");
  const value = decoder
    .decode(raw.subarray(start, close))
    .replace(/%0A/gi, "\n")
    .replace(/%0D/gi, "\r")
    .replace(/%22/g, '"');
  return { value, end: close + 1 };
}
