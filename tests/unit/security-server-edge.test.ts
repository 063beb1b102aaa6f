// Issue 15, findings 3 and 10: the client address behind proxies, and the embedded default that
// listens on loopback and shows its development pages only to this machine.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, setClientAddress } from "~/server/client-address";
import { devAccessAllowed, isLoopback, refuseDevAccess } from "~/server/dev-access";
import { parseEnv } from "~/utils/env.server";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe("TRUST_PROXY (finding 3)", () => {
  it("takes the address the configured number of proxies from the right, never the client's own entries", () => {
    // One proxy: it appended the address it saw; "6.6.6.6" was written by the client.
    expect(clientAddress("6.6.6.6, 203.0.113.7", "10.0.0.2", 1)).toBe("203.0.113.7");
    // Two proxies: the outer one appended the client, the inner one appended the outer proxy.
    expect(clientAddress("6.6.6.6, 203.0.113.7, 10.0.0.9", "10.0.0.2", 2)).toBe("203.0.113.7");
    expect(clientAddress(["6.6.6.6", "203.0.113.7"], "10.0.0.2", 1)).toBe("203.0.113.7");
    // Off: the header is ignored; no header: the socket.
    expect(clientAddress("6.6.6.6", "10.0.0.2", 0)).toBe("10.0.0.2");
    expect(clientAddress(undefined, "10.0.0.2", 1)).toBe("10.0.0.2");
  });

  it("accepts false, true, 0 and a count; refuses anything else by name", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
    expect(() => parseEnv({ TRUST_PROXY: "99" })).toThrow(/TRUST_PROXY/);
  });

  it("a real request: a spoofed leftmost entry does not change the address the app sees", async () => {
    const server = createServer((req, res) => res.end(setClientAddress(req, 1)));
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const seen = await Promise.all(
      ["1.1.1.1", "2.2.2.2"].map(async (spoof) => (await fetch(url, { headers: { "X-Forwarded-For": `${spoof}, 198.51.100.4` } })).text()),
    );
    expect(seen).toEqual(["198.51.100.4", "198.51.100.4"]);
    const spoofedApp = await fetch(url, { headers: { "x-vv-client-ip": "9.9.9.9" } });
    expect(await spoofedApp.text()).toBe("127.0.0.1");
  });
});

describe("the embedded default (finding 10)", () => {
  it("listens on loopback unless HOST says otherwise; HOST is validated", () => {
    expect(parseEnv({}).listenHost).toBe("127.0.0.1");
    expect(parseEnv({ HOST: "0.0.0.0" }).listenHost).toBe("0.0.0.0");
    expect(parseEnv({ HOST: "::" }).listenHost).toBe("::");
    expect(parseEnv({ DATABASE_URL: "postgresql://u:p@db/x", SESSION_SECRET: "x".repeat(32) }).listenHost).toBeUndefined();
    expect(() => parseEnv({ HOST: "http://0.0.0.0:3000" })).toThrow(/HOST/);
    expect(() => parseEnv({ HOST: "my host" })).toThrow(/HOST/);
  });

  it("answers /dev/* only to loopback clients on the embedded default", async () => {
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopback("192.168.1.20")).toBe(false);
    expect(devAccessAllowed({ embedded: true }, "192.168.1.20", "192.168.1.20")).toBe(false);
    // Behind a proxy on the same machine: the client address decides too.
    expect(devAccessAllowed({ embedded: true }, "127.0.0.1", "203.0.113.7")).toBe(false);
    expect(devAccessAllowed({ embedded: true }, "127.0.0.1", "127.0.0.1")).toBe(true);
    // A deployment on its own database keeps its own rules (the pages are off without SIMULATE_SERVICES).
    expect(devAccessAllowed({ embedded: false }, "192.168.1.20", "192.168.1.20")).toBe(true);

    const server = createServer((req, res) => {
      setClientAddress(req, 1);
      if (refuseDevAccess(req, res, { embedded: true })) return;
      res.end("mailbox");
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await (await fetch(`${base}/dev/mailbox`)).text()).toBe("mailbox");
    const remote = await fetch(`${base}/dev/mailbox`, { headers: { "X-Forwarded-For": "192.168.1.20" } });
    expect(remote.status).toBe(403);
    expect(await remote.text()).toMatch(/alleen bereikbaar op de computer/);
    expect((await fetch(`${base}/login`, { headers: { "X-Forwarded-For": "192.168.1.20" } })).status).toBe(200);
  });
});
