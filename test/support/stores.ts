import { randomUUID } from "node:crypto";
import pg from "pg";
import { openStore, type Store } from "../../src/platform/db.ts";

/** The machine's PostgreSQL server; every test run gets a database of its own there, dropped after. */
export const POSTGRES_ADMIN_URL = process.env.FTFX_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestStore {
  store: Store;
  /** The PostgreSQL connection string, for tests that start server processes on the same database. */
  url?: string;
  dispose(): Promise<void>;
}

export async function pgliteTestStore(): Promise<TestStore> {
  const store = await openStore({ dataDir: "memory://" });
  await store.migrate();
  return { store, dispose: () => store.close() };
}

export async function postgresTestStore(): Promise<TestStore> {
  const name = `ftfx_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  await store.migrate();
  return {
    store,
    url: url.toString(),
    dispose: async () => {
      await store.close();
      const cleanup = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** Both store kinds, so a suite can run the same cases against each: `for (const kind of STORE_KINDS)`. */
export const STORE_KINDS = [
  { name: "PGlite", open: pgliteTestStore },
  { name: "PostgreSQL", open: postgresTestStore },
] as const;
