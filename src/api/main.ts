import { systemClock } from "../platform/clock.ts";
import { loadConfig } from "../platform/config.ts";
import { openStore } from "../platform/db.ts";
import { logger } from "../platform/logging.ts";
import { loadDemoIfEmpty } from "../registry/demo-load.ts";
import { startBackgroundWork } from "./background.ts";
import { createDemoKey, createDemoLogin } from "./demo-key.ts";
import { buildServer } from "./server.ts";

/** `npm start`: the HTTP server on the configured store, with synthetic demo data on an empty store. */
const config = loadConfig();
const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await store.migrate();
if (config.demo) {
  const loaded = await loadDemoIfEmpty(store.db);
  if (loaded > 0) {
    logger.info({ entities: loaded }, "empty store: loaded SYNTHETIC demo data (dataset demo-synthetic)");
    const keyFile = await createDemoKey(store.db, config.dataDir, systemClock);
    logger.info({ keyFile }, `demo sign-in key (every role, local agency) written to ${keyFile}`);
    const loginFile = await createDemoLogin(store.db, config.dataDir, systemClock);
    if (loginFile)
      logger.info({ loginFile }, `demo user name and password (every role) written to ${loginFile}`);
  }
}
const app = await buildServer({ store, config });
await app.listen({ port: config.port, host: config.host });
const stopBackgroundWork = startBackgroundWork(store, systemClock);
logger.info({ port: config.port, store: store.kind }, `ftfx listening on http://localhost:${config.port}`);

async function shutdown(signal: string): Promise<void> {
  logger.info({ signal }, "shutting down");
  stopBackgroundWork();
  await app.close();
  await store.close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
