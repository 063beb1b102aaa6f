import type { ActionFunctionArgs } from "@remix-run/node";
import { handleStripeWebhook } from "~/modules/payments/webhooks.server";

// Only Stripe posts here; a browser that opens the address is told which method works.
export function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" } });
}

// Stripe's signed events (or the local fake's): verification, dedupe and handling live in the module.
export async function action({ request }: ActionFunctionArgs) {
  return handleStripeWebhook(request);
}
