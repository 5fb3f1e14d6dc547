import { loadConfig } from "../platform/config.ts";
import { openStore, type Store } from "../platform/db.ts";

/** Opens the configured store (PGlite folder or DATABASE_URL), migrated, runs `work`, and always closes it. */
export async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await store.migrate();
    return await work(store);
  } finally {
    await store.close();
  }
}
