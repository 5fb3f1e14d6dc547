import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import type { Config } from "../platform/config.ts";
import type { Store } from "../platform/db.ts";
import { notFoundHandler, sendProblem } from "./problem.ts";
import { registerEntityRoutes } from "./routes/entities.ts";
import { registerHealthRoutes } from "./routes/health.ts";

export interface ServerDeps {
  store: Store;
  config: Pick<Config, "bodyLimitBytes">;
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
  await app.register(registerHealthRoutes, { store: deps.store });
  await app.register(registerEntityRoutes, { store: deps.store, prefix: "/api/v1" });
  return app;
}
