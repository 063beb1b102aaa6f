// Input helpers of the challenge routes' zod schemas. Client-safe (no .server imports): a route's
// exported actionSchema is part of the client build. NUL characters are removed (PostgreSQL
// refuses them) and text is trimmed; messages are keys of the "challenges" namespace.
import { z } from "zod";
import { cleanText, ID_PATTERN } from "~/utils/input";

export { cleanText, ID_PATTERN };

export const text = (max: number, required: string) =>
  z.preprocess(cleanText, z.string({ error: required }).min(1, required).max(max, "challenges:errors.tooLong"));
export const optionalText = (max: number) =>
  z.preprocess((v) => (cleanText(v) === "" ? undefined : cleanText(v)), z.string().max(max, "challenges:errors.tooLong").optional());
export const idField = z.string().regex(ID_PATTERN, "challenges:errors.notFound");
export const flag = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
