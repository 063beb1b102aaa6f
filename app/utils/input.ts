// The one home of the input helpers every form schema shares. Client-safe (no .server imports):
// routes export their actionSchema, which is part of the client build.
import { z } from "zod";

/** Every id the app hands out (Prisma cuids, Stripe-style ids of the local fake) fits this shape. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** An object id from a URL or a form; `message` is the translation key shown when it is missing or malformed. */
export const idSchema = (message = "common:errors.notFound") => z.string({ error: message }).regex(ID_PATTERN, message);

/** Removes NUL characters (PostgreSQL refuses them) and surrounding whitespace. */
export const cleanString = (value: string) => value.replaceAll("\u0000", "").trim();

/** `cleanString` for a z.preprocess step: leaves anything that is not a string as it is. */
export const cleanText = (value: unknown) => (typeof value === "string" ? cleanString(value) : value);
