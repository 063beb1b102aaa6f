import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { getEnv } from "./env.server";

/** Keyed hash for secrets we must look up but never store (tokens, codes). */
export function hashSecret(value: string): string {
  return createHmac("sha256", getEnv().sessionSecret).update(value).digest("hex");
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** A random string from the given alphabet, without modulo bias. */
export function randomCode(length: number, alphabet: string): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
