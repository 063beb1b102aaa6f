/** Set by app/server/main.ts from the socket (or, with TRUST_PROXY, from X-Forwarded-For: app/server/client-address.ts). */
export const CLIENT_IP_HEADER = "x-vv-client-ip";

export function clientIp(request: Request): string {
  return request.headers.get(CLIENT_IP_HEADER) || "local";
}
