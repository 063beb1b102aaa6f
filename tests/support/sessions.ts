// A cookie jar holding a fresh session of the person, for loader and action tests.
import { createUserSession } from "~/modules/auth/session.server";
import { CookieJar, get } from "./http";

export async function signedIn(userId: string): Promise<CookieJar> {
  const jar = new CookieJar();
  jar.apply(new Response(null, { headers: { "Set-Cookie": await createUserSession(get("/"), userId) } }));
  return jar;
}
