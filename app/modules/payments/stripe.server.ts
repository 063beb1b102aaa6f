// The one Stripe client. With STRIPE_SECRET_KEY it talks to Stripe; without, the same SDK talks
// to the local fake (stripe-fake.server.ts) over HTTP, so every code path is the production one.
import Stripe from "stripe";
import { getEnv } from "~/utils/env.server";
import { getRunningStripeFake, startStripeFake, type StripeFake } from "./stripe-fake.server";

const store = globalThis as unknown as {
  __vriendenStripe?: { client: Stripe; cacheKey: string };
  __vriendenStripeFakeHandle?: Promise<StripeFake>;
};

/** True when payments are simulated (no STRIPE_SECRET_KEY): show the banner and the dev pages. */
export function isStripeSimulated(): boolean {
  return !getEnv().STRIPE_SECRET_KEY;
}

const COMMON: Stripe.StripeConfig = {
  // Requests run inside webhook handling and page loads: fail fast rather than hang.
  timeout: 20_000,
  maxNetworkRetries: 2,
  appInfo: { name: "vrienden-van-portal" },
};

export function getStripe(): Stripe {
  const key = getEnv().STRIPE_SECRET_KEY;
  let cacheKey: string;
  let create: () => Stripe;
  if (key) {
    cacheKey = `live:${key}`;
    create = () => new Stripe(key, COMMON);
  } else {
    const fake = getRunningStripeFake();
    if (!fake) {
      throw new Error(
        "Payments are simulated (no STRIPE_SECRET_KEY) but the local Stripe fake is not running: call startStripeFakeIfNeeded() at startup (tests: startStripeFake()).",
      );
    }
    cacheKey = `fake:${fake.url}`;
    create = () => new Stripe(fake.secretKey, { ...COMMON, host: "127.0.0.1", port: fake.port, protocol: "http", telemetry: false });
  }
  if (store.__vriendenStripe?.cacheKey !== cacheKey) store.__vriendenStripe = { client: create(), cacheKey };
  return store.__vriendenStripe.client;
}

/** The secret webhooks are verified with: STRIPE_WEBHOOK_SECRET, else the running fake's own. */
export function getWebhookSecret(): string | undefined {
  const env = getEnv();
  if (env.STRIPE_WEBHOOK_SECRET) return env.STRIPE_WEBHOOK_SECRET;
  if (env.STRIPE_SECRET_KEY) return undefined;
  return getRunningStripeFake()?.webhookSecret;
}

/**
 * Startup hook for the app process: when STRIPE_SECRET_KEY is unset, start the local Stripe fake
 * (once per process) on STRIPE_FAKE_PORT, sending signed webhooks to `${APP_URL}/webhooks/stripe`.
 * Returns null when a real key is set, or under vitest (tests start their own fake).
 */
export async function startStripeFakeIfNeeded(log: (message: string) => void = console.log): Promise<StripeFake | null> {
  const env = getEnv();
  if (env.STRIPE_SECRET_KEY || process.env.VITEST) return null;
  store.__vriendenStripeFakeHandle ??= startStripeFake({
    port: env.STRIPE_FAKE_PORT,
    appUrl: env.APP_URL,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    log,
  }).then((fake) => {
    log(`[payments] simulated payments: local Stripe fake on ${fake.url}, signed webhooks to ${fake.webhookUrl}`);
    return fake;
  });
  try {
    return await store.__vriendenStripeFakeHandle;
  } catch (error) {
    store.__vriendenStripeFakeHandle = undefined;
    throw error;
  }
}
