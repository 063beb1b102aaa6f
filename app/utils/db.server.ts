import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

const globalForDb = globalThis as unknown as { __prisma?: PrismaClient };

/** The app's shared client. DATABASE_URL is set by the server before the app loads (embedded or given). */
export function getDb(): PrismaClient {
  if (!globalForDb.__prisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app through app/server/main.ts");
    globalForDb.__prisma = createPrismaClient(url);
  }
  return globalForDb.__prisma;
}

/** Tests swap the client for one on their own database. */
export function setDb(client: PrismaClient | undefined): void {
  globalForDb.__prisma = client;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
