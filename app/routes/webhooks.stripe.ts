import type { ActionFunctionArgs } from "@remix-run/node";
import { handleStripeWebhook } from "~/modules/payments/webhooks.server";

// Stripe's signed events (or the local fake's): verification, dedupe and handling live in the module.
export async function action({ request }: ActionFunctionArgs) {
  return handleStripeWebhook(request);
}
