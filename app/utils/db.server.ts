import { PrismaPg } from "@prisma/adapter-pg";
import type { Transaction } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "~/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * A transaction holds one connection, and a connection runs one query at a time. Prisma starts
 * some queries of a transaction in parallel (the relations of one `select`/`include`, chunks of a
 * long `in` list), which pg queues with a deprecation warning ("Calling client.query() when the
 * client is already executing a query"; an error from pg 9). Each transaction's queries wait for
 * the previous one here instead: the same order pg's queue gave, without the deprecated call.
 */
function oneQueryAtATime(transaction: Transaction): Transaction {
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = previous.then(work);
    previous = run.catch(() => undefined);
    return run;
  };
  const queryRaw = transaction.queryRaw.bind(transaction);
  const executeRaw = transaction.executeRaw.bind(transaction);
  transaction.queryRaw = (query) => inTurn(() => queryRaw(query));
  transaction.executeRaw = (query) => inTurn(() => executeRaw(query));
  return transaction;
}

function pgAdapter(connectionString: string): PrismaPg {
  const factory = new PrismaPg({ connectionString, max: 10 });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => oneQueryAtATime(await startTransaction(isolationLevel));
    return adapter;
  };
  return factory;
}

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: pgAdapter(connectionString) });
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
