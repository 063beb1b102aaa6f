import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getOptionalUserId } from "~/modules/auth/session.server";
import { canAccessFile, fileResponse, findStoredFile } from "~/modules/files/files.server";

const ZFileIdSchema = z.string().regex(/^[a-z0-9]{1,64}$/i);

// Missing, deleted and not-yours all answer the same 404, so a file's existence is not revealed.
const notFound = () => new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const fileId = ZFileIdSchema.safeParse(params.fileId);
  if (!fileId.success) throw notFound();
  const file = await findStoredFile(fileId.data);
  if (!file) throw notFound();
  if (!(await canAccessFile(await getOptionalUserId(request), file))) throw notFound();
  return fileResponse(file, {
    download: new URL(request.url).searchParams.has("download"),
    ifNoneMatch: request.headers.get("If-None-Match"),
    headOnly: request.method === "HEAD",
  });
}
