// The client's address for rate limits. Without trusted proxies it is the socket's peer. Behind
// `trustedProxies` proxies, each appends the address it received from to X-Forwarded-For, so the
// client's address is that many entries from the right; entries further left were written by the
// client and are ignored.
import type { IncomingMessage } from "node:http";
import { CLIENT_IP_HEADER } from "../utils/client-ip";

export function clientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, trustedProxies: number): string {
  const socket = socketAddress || "unknown";
  if (trustedProxies <= 0 || forwardedFor === undefined) return socket;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return socket;
  // Fewer entries than proxies: the leftmost was written by our outermost proxy.
  return entries[Math.max(0, entries.length - trustedProxies)]!;
}

/** Sets the app's client-address header on the request (any value the client sent is replaced). */
export function setClientAddress(req: IncomingMessage, trustedProxies: number): string {
  const address = clientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, trustedProxies);
  req.headers[CLIENT_IP_HEADER] = address;
  return address;
}
