import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { endSession } from "~/modules/auth/session.server";

// The action reads no fields: the session cookie is its input (tests/guards/hostile-input.test.ts).
export const actionSchema = z.object({});

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/", { headers: { "Set-Cookie": await endSession(request) } });
}

// Signing out changes state, so only a POST does it; a visit to /logout just goes home.
export async function loader() {
  return redirect("/");
}
