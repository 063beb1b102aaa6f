// A fake of Resend's send-email endpoint for MSW. It behaves like Resend where the outbox relies
// on it: a repeated Idempotency-Key returns the first answer without sending again. Tests script
// failures (500, 429, a request that never answers) and read back every request and delivery.
import { http, HttpResponse } from "msw";

export const RESEND_TEST_BASE_URL = "http://resend.test";

export type ResendEmailBody = { from: string; to: string | string[]; subject: string; html?: string; text?: string };
export type FakeOutcome = "ok" | 500 | 429 | "hang";
export type FakeRequest = { idempotencyKey: string | null; authorization: string | null; body: ResendEmailBody; outcome: FakeOutcome };
export type FakeDelivery = ResendEmailBody & { id: string; idempotencyKey: string | null };

export function createResendFake(baseUrl = RESEND_TEST_BASE_URL) {
  const requests: FakeRequest[] = [];
  const delivered: FakeDelivery[] = [];
  const byKey = new Map<string, string>();
  let script: FakeOutcome[] = [];
  let releaseHanging: (() => void)[] = [];
  let next = 1;

  const handlers = [
    http.post(`${baseUrl}/emails`, async ({ request }) => {
      const body = (await request.json()) as ResendEmailBody;
      const idempotencyKey = request.headers.get("Idempotency-Key");
      const outcome = script.shift() ?? "ok";
      requests.push({ idempotencyKey, authorization: request.headers.get("Authorization"), body, outcome });
      if (outcome === "hang") {
        // Never answers; ends when the client gives up (or the test resets the fake).
        await new Promise<void>((resolve) => {
          releaseHanging.push(resolve);
          request.signal.addEventListener("abort", () => resolve(), { once: true });
        });
        return HttpResponse.error();
      }
      if (outcome === 500) {
        return HttpResponse.json(
          { statusCode: 500, name: "internal_server_error", message: "An unexpected error occurred." },
          { status: 500 },
        );
      }
      if (outcome === 429) {
        return HttpResponse.json(
          { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests. You can only make 2 requests per second." },
          { status: 429, headers: { "retry-after": "1" } },
        );
      }
      const known = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
      if (known) return HttpResponse.json({ id: known });
      const id = `fake-email-${next++}`;
      if (idempotencyKey) byKey.set(idempotencyKey, id);
      delivered.push({ ...body, id, idempotencyKey });
      return HttpResponse.json({ id });
    }),
  ];

  return {
    handlers,
    requests,
    delivered,
    /** The next requests answer with these outcomes, in order; after them every request succeeds. */
    failNext(...outcomes: FakeOutcome[]) {
      script.push(...outcomes);
    },
    reset() {
      requests.length = 0;
      delivered.length = 0;
      byKey.clear();
      script = [];
      for (const release of releaseHanging) release();
      releaseHanging = [];
    },
  };
}
