import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { type Clock, systemClock } from "../platform/clock.ts";
import { type Config, DEMO_REFERENCE_SECRET } from "../platform/config.ts";
import type { Store } from "../platform/db.ts";
import { LiveMatchIndex } from "../registry/live-index.ts";
import { watchPolicyWorld } from "../sharing/world-cache.ts";
import { authPlugin, createAuthenticator } from "./auth.ts";
import { notFoundHandler, sendProblem } from "./problem.ts";
import { registerAlertRoutes } from "./routes/alerts.ts";
import { registerEntityRoutes } from "./routes/entities.ts";
import { registerHealthRoutes } from "./routes/health.ts";
import { registerMatchRoutes } from "./routes/match.ts";
import { registerPaymentRoutes } from "./routes/payments.ts";
import { registerScreeningRoutes } from "./routes/screening.ts";
import { registerSharingRoutes } from "./routes/sharing.ts";
import { registerWebRoutes } from "./routes/web.ts";
import { createSessionStore, sessionPlugin } from "./session.ts";

export interface ServerDeps {
  store: Store;
  config: Pick<Config, "bodyLimitBytes"> & Partial<Pick<Config, "referenceSecret" | "rateLimitPerMinute">>;
  /** Fixed in tests; the system clock otherwise. */
  clock?: Clock;
}

/**
 * Builds the HTTP server: one plugin per capability, problem+json errors, OpenAPI at /api/docs.
 * Routes are thin adapters over the same services the CLI uses.
 */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: deps.config.bodyLimitBytes });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "ftfx API",
        version: "1",
        description: "Shared FTF registry, matching, screening, sharing",
      },
      components: {
        securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "an ftfx API key" } },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));
  app.setNotFoundHandler(notFoundHandler);
  const clock = deps.clock ?? systemClock;
  const authenticator = createAuthenticator(deps.store.db);
  await app.register(sessionPlugin, {
    sessions: createSessionStore(),
    db: deps.store.db,
    authenticator,
    clock,
  });
  await app.register(authPlugin, {
    authenticator,
    rateLimitPerMinute: deps.config.rateLimitPerMinute ?? 120_000,
  });
  await app.register(registerHealthRoutes, { store: deps.store });
  const sharing = { referenceKey: deps.config.referenceSecret ?? DEMO_REFERENCE_SECRET, clock };
  await app.register(registerEntityRoutes, { store: deps.store, sharing, prefix: "/api/v1" });
  await app.register(registerSharingRoutes, { store: deps.store, authenticator, clock, prefix: "/api/v1" });
  // Policy inputs (agencies, arrangements, grants) are cached per process and cleared by their notices.
  const stopPolicyWatch = await watchPolicyWorld(deps.store);
  app.addHook("onClose", stopPolicyWatch);
  // One matching index per process, built from the store and kept fresh by the registry's change notices.
  const liveIndex = await LiveMatchIndex.open(deps.store);
  app.addHook("onClose", () => liveIndex.close());
  const index = async () => {
    await liveIndex.settled();
    return liveIndex.index;
  };
  await app.register(registerMatchRoutes, { store: deps.store, sharing, index, prefix: "/api/v1" });
  await app.register(registerPaymentRoutes, { store: deps.store, sharing, index, prefix: "/api/v1" });
  await app.register(registerScreeningRoutes, { store: deps.store, sharing, index, prefix: "/api/v1" });
  await app.register(registerAlertRoutes, { store: deps.store, sharing, prefix: "/api/v1" });
  await app.register(registerWebRoutes, { store: deps.store, clock });
  return app;
}
