// Configuration: every environment variable is read here, validated once, and typed.
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const booleanFlag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : v === "true" || v === "1"));

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
    DATABASE_URL: optionalString.pipe(
      z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string").optional(),
    ),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    DATA_DIR: z.string().default(".data"),
    SESSION_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    SEED_DEMO_DATA: optionalString,
    JOBS_ENABLED: booleanFlag(true),
    // Behind load balancers: how many proxies in front of the app append to X-Forwarded-For; the
    // client address (rate limits) is the entry that many places from the right. false/0: ignore it.
    TRUST_PROXY: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === undefined || v === "" || v === "false" ? "0" : v === "true" ? "1" : v))
      .pipe(z.string().regex(/^\d{1,2}$/, "must be false, true or the number of proxies in front of the app (0–10)"))
      .transform(Number)
      .pipe(z.number().int().min(0, "must be 0–10").max(10, "must be 0–10")),
    // The interface to listen on; unset: 127.0.0.1 on the embedded default, every interface otherwise.
    HOST: optionalString.pipe(
      z
        .string()
        .regex(/^(localhost|\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*|[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)$/, "must be an IP address or host name, e.g. 127.0.0.1 or 0.0.0.0")
        .optional(),
    ),
    // E-mail: without a key, mail stays in the outbox and the development mailbox shows it.
    RESEND_API_KEY: optionalString,
    MAIL_FROM: z.string().default("Vrienden van het Maasdal College <portal@vriendenvanhetmaasdal.example>"),
    // Payments: without a key, the app starts a local fake of Stripe's API.
    STRIPE_SECRET_KEY: optionalString,
    STRIPE_WEBHOOK_SECRET: optionalString,
    STRIPE_FAKE_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    // Uploads: local disk under DATA_DIR unless an UploadThing token is set.
    UPLOADTHING_TOKEN: optionalString,
    // Anonymous visitors of public pages share one rendering per this many milliseconds (0: off);
    // app/server/shared-pages.ts.
    SHARED_PAGES_TTL_MS: z.coerce.number().int().min(0, "must be 0–60000").max(60000, "must be 0–60000").default(1000),
    // A deployment on its own database must use the real services, unless this says it is a test site.
    SIMULATE_SERVICES: booleanFlag(false),
  })
  .superRefine((env, ctx) => {
    const realDeployment = !!env.DATABASE_URL && env.NODE_ENV === "production" && !env.SIMULATE_SERVICES;
    // Without these keys anyone could read sign-in mails in the development mailbox or "pay" with the fake.
    for (const key of ["RESEND_API_KEY", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"] as const) {
      if (realDeployment && !env[key]) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "is required in production on your own database (or set SIMULATE_SERVICES=true for a test site)",
        });
      }
    }
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_WEBHOOK_SECRET"], message: "is required with STRIPE_SECRET_KEY (the endpoint's signing secret, whsec_…)" });
    }
    if (env.DATABASE_URL && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "is required when DATABASE_URL points at your own PostgreSQL (generate one with `openssl rand -hex 32`)",
      });
    }
  });

export type Env = z.infer<typeof EnvSchema> & {
  /** True when the app runs its own PostgreSQL (no DATABASE_URL given). */
  embedded: boolean;
  sessionSecret: string;
  seedDemoData: boolean;
  /** Where the server listens: HOST, else loopback on the embedded default, else every interface (undefined). */
  listenHost: string | undefined;
};

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Invalid configuration. Fix these environment variables (see .env.example):\n${lines.join("\n")}`);
  }
  const env = result.data;
  const embedded = !env.DATABASE_URL;
  return {
    ...env,
    embedded,
    // Only the embedded, local-only default may fall back to a fixed development secret.
    sessionSecret: env.SESSION_SECRET ?? "embedded-development-secret-not-for-production-use",
    seedDemoData: env.SEED_DEMO_DATA === undefined ? embedded : ["true", "1"].includes(env.SEED_DEMO_DATA),
    // The embedded default shows every sign-in mail at /dev/mailbox: only this machine reaches it.
    listenHost: env.HOST ?? (embedded ? "127.0.0.1" : undefined),
  };
}

// Parsed once per process: app/server/main.ts parses it before it sets DATABASE_URL to the
// embedded server, and the built app (a separate module graph) reads the same result.
const store = globalThis as unknown as { __vriendenEnv?: Env };

export function getEnv(): Env {
  store.__vriendenEnv ??= parseEnv();
  return store.__vriendenEnv;
}

/** Tests: forget the parsed configuration so the next getEnv() reads process.env again. */
export function resetEnv(): void {
  store.__vriendenEnv = undefined;
}
