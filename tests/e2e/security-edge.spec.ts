// Issue 15 against the real server (app/server/main.ts): body limits (finding 1), the client
// address behind the one trusted proxy (finding 3) and the public forms' 429 (finding 9).
import { expect, test } from "@playwright/test";
import { asClient, randomClientAddress } from "./support";

const origin = new URL(process.env.E2E_BASE_URL ?? "http://localhost:3000").origin;
const sameSite = { Origin: origin, "Sec-Fetch-Site": "same-origin" };

test("a 2 MB post to /login is refused with 413 and a page in Dutch", async ({ request }) => {
  const res = await request.post("/login", {
    headers: { ...sameSite, ...asClient(randomClientAddress()), "Content-Type": "application/x-www-form-urlencoded" },
    data: `email=${"a".repeat(2 * 1024 * 1024)}`,
    failOnStatusCode: false,
  });
  expect(res.status()).toBe(413);
  expect(await res.text()).toContain("Te veel gegevens verstuurd");
});

test("a spoofed leftmost X-Forwarded-For entry does not escape the pupil sign-in limit", async ({ request }) => {
  const address = `192.0.2.${1 + Math.floor(Math.random() * 250)}`;
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    const res = await request.post("/login/leerling", {
      headers: { ...sameSite, ...asClient(address, `10.66.${i}.1`) },
      form: { code: "ABCD-EFGH-JKMN" },
      failOnStatusCode: false,
    });
    statuses.push(res.status());
    if (i === 10) expect(await res.text()).toContain("Te veel pogingen");
  }
  expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
  expect(statuses[10]).toBe(429);
  // Another client (another rightmost entry) is not limited.
  const other = await request.post("/login/leerling", { headers: { ...sameSite, ...asClient(randomClientAddress()) }, form: { code: "ABCD-EFGH-JKMN" }, failOnStatusCode: false });
  expect(other.status()).toBe(400);
});
