// The development pages (/dev/mailbox shows every sign-in mail, /dev/payments and the fake
// checkout) answer, on the embedded default, only to a client on this machine: the socket's peer
// and the client address (behind a trusted proxy) must both be loopback.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Env } from "../utils/env.server";
import { CLIENT_IP_HEADER } from "../utils/client-ip";

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith("::ffff:") ? address.slice(7) : address;
  return plain === "::1" || /^127(\.\d{1,3}){3}$/.test(plain);
}

export function isDevPath(url: string | undefined): boolean {
  const pathname = new URL(url ?? "/", "http://x").pathname;
  return pathname === "/dev" || pathname.startsWith("/dev/");
}

/** May this request reach a /dev/* page? Only the embedded default is limited. */
export function devAccessAllowed(env: Pick<Env, "embedded">, socketAddress: string | undefined, clientAddress: string | undefined): boolean {
  return !env.embedded || (isLoopback(socketAddress) && isLoopback(clientAddress));
}

/** Answers 403 to a /dev/* request from another machine on the embedded default; true when it did. */
export function refuseDevAccess(req: IncomingMessage, res: ServerResponse, env: Pick<Env, "embedded">): boolean {
  if (!isDevPath(req.url)) return false;
  const client = req.headers[CLIENT_IP_HEADER];
  if (devAccessAllowed(env, req.socket.remoteAddress, typeof client === "string" ? client : undefined)) return false;
  res.statusCode = 403;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(
    "Deze ontwikkelpagina is alleen bereikbaar op de computer waarop het portaal draait.\n" +
      "This development page only answers on the computer that runs the portal.\n",
  );
  return true;
}
