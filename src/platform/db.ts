import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { logger } from "./logging.ts";

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

/** The Drizzle database, the same type over PGlite and PostgreSQL so services never care which. */
export type Db = PgDatabase<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
export type Tx = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
/** Either a database or an open transaction: store functions accept both so callers compose them. */
export type DbOrTx = Db | Tx;

export interface Store {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs the committed migrations; safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Raw SQL for the few places Drizzle has no words for (test clean-up, maintenance). */
  exec(sql: string): Promise<void>;
  /**
   * Subscribes to a PostgreSQL notification channel (NOTIFY is delivered on commit, also across
   * processes on PostgreSQL); returns a function that unsubscribes.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;

function checkChannel(channel: string): void {
  if (!CHANNEL_NAME.test(channel)) throw new Error(`invalid notification channel name: ${channel}`);
}

export interface StoreOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite store is used. */
  databaseUrl?: string;
  /** PGlite data folder; `memory://` for an in-memory store. */
  dataDir?: string;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir ?? "./.ftfx");
}

async function openPglite(dataDir: string): Promise<Store> {
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir.startsWith("memory://") ? undefined : join(dataDir, "pg"));
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: "pglite",
    migrate: async () => {
      await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS });
    },
    close: () => client.close(),
    exec: async (sql) => {
      await client.exec(sql);
    },
    listen: async (channel, onMessage) => {
      checkChannel(channel);
      const unsubscribe = await client.listen(channel, onMessage);
      return () => unsubscribe();
    },
  };
}

async function openPostgres(databaseUrl: string): Promise<Store> {
  // Every session speaks UTC so timestamps read back identically on PGlite and PostgreSQL.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, options: "-c TimeZone=UTC" });
  // An idle pooled connection the server ends (restart, dropped database) emits 'error' on the pool;
  // unhandled, that would crash the process. The pool replaces the connection on next use.
  pool.on("error", (error) => logger.warn({ err: error }, "idle database connection lost"));
  const db = drizzleNodePg(pool) as unknown as Db;
  // LISTEN connections live outside the pool; closing the store ends them too.
  const listeners = new Set<pg.Client>();
  return {
    db,
    kind: "postgres",
    migrate: async () => {
      await migrateNodePg(drizzleNodePg(pool), { migrationsFolder: MIGRATIONS });
    },
    close: async () => {
      await Promise.all([...listeners].map((client) => client.end()));
      await pool.end();
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    listen: async (channel, onMessage) => {
      checkChannel(channel);
      // LISTEN needs one connection of its own for as long as the subscription lives.
      const client = new pg.Client({ connectionString: databaseUrl });
      // A dropped connection must not crash the process; the subscriber simply stops hearing notices.
      client.on("error", (error) => logger.warn({ err: error, channel }, "notification connection lost"));
      await client.connect();
      listeners.add(client);
      client.on("notification", (message) => {
        if (message.channel === channel) onMessage(message.payload ?? "");
      });
      await client.query(`LISTEN ${channel}`);
      return async () => {
        if (!listeners.delete(client)) return;
        await client.end();
      };
    },
  };
}
