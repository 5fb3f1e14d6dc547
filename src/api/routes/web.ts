/**
 * The web console: the built single-page app in dist/web at `/`, and the console's dashboard figures.
 * Client routes (/alerts/42, /entities/x) get index.html so a reload or a shared link works; /api/* and
 * /health never do, they keep their 404s.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import { and, count, countDistinct, eq, gte, or, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { screenedManifests, screenedTravellers } from "../../alerts/schema.ts";
import type { Clock } from "../../platform/clock.ts";
import type { DbOrTx, Store } from "../../platform/db.ts";
import { entities } from "../../registry/schema.ts";
import { SYNTHETIC_DATASET } from "../../registry/synthetic.ts";
import { users } from "../../sharing/schema.ts";
import { actorOf } from "../auth.ts";

export const WEB_ROOT = fileURLToPath(new URL("../../../dist/web/", import.meta.url));

/** Paths that are never client routes: the API, the health check and missing built assets. */
const NOT_CLIENT = /^\/(api|health|assets)(\/|\?|$)/;

export interface WebRouteOptions {
  store: Store;
  clock: Clock;
  /** The built console; dist/web by default. */
  root?: string;
}

export async function registerWebRoutes(app: FastifyInstance, options: WebRouteOptions): Promise<void> {
  registerConsoleSummary(app, options.store.db, options.clock);
  const root = options.root ?? WEB_ROOT;
  if (!existsSync(join(root, "index.html"))) {
    app.log.warn("dist/web is missing: run `node scripts/build-web.mjs` to build the console");
    return;
  }
  // wildcard: false registers one route per built file, so the catch-all below sees only the rest.
  await app.register(fastifyStatic, { root, prefix: "/", wildcard: false, index: ["index.html"] });
  app.get("/*", { schema: { hide: true } }, (request, reply) => {
    if (NOT_CLIENT.test(request.url)) return reply.callNotFound();
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
}

export interface ConsoleSummary {
  /** Active records of the synthetic demo dataset: the console shows a banner while there are any. */
  demoEntities: number;
  /**
   * Active records by dataset and originator: the caller's own agency's records and the synthetic demo
   * dataset only. How many records another agency holds is that agency's to disclose, not the console's.
   */
  registry: { dataset: string; originator: string; entities: number }[];
  /** Since midnight UTC, by users of the caller's agency. */
  screenedToday: { flights: number; travellers: number };
}

export async function consoleSummary(db: DbOrTx, agencyId: string, now: Date): Promise<ConsoleSummary> {
  const dataset = sql<string>`jsonb_array_elements_text(${entities.datasets})`;
  const rows = await db
    .select({ dataset, originator: entities.originator, entities: count() })
    .from(entities)
    .where(
      and(
        eq(entities.status, "active"),
        or(
          eq(entities.originator, agencyId),
          sql`${entities.datasets} @> ${JSON.stringify([SYNTHETIC_DATASET])}::jsonb`,
        ),
      ),
    )
    .groupBy(dataset, entities.originator)
    .orderBy(dataset, entities.originator);
  // A demo record listed in a second dataset must not reveal that dataset's size to other agencies.
  const registry = rows.filter((row) => row.originator === agencyId || row.dataset === SYNTHETIC_DATASET);
  const midnight = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()),
  ).toISOString();
  const [screened] = await db
    .select({ flights: countDistinct(screenedTravellers.flightKey), travellers: count() })
    .from(screenedTravellers)
    .innerJoin(screenedManifests, eq(screenedManifests.id, screenedTravellers.manifestId))
    .innerJoin(users, eq(users.id, screenedManifests.actor))
    .where(and(gte(screenedTravellers.createdAt, midnight), eq(users.agencyId, agencyId)));
  return {
    demoEntities: registry
      .filter((row) => row.dataset === SYNTHETIC_DATASET)
      .reduce((n, row) => n + row.entities, 0),
    registry,
    screenedToday: { flights: screened?.flights ?? 0, travellers: screened?.travellers ?? 0 },
  };
}

function registerConsoleSummary(app: FastifyInstance, db: DbOrTx, clock: Clock): void {
  app.get(
    "/api/v1/console/summary",
    {
      schema: {
        summary:
          "Dashboard figures: registry size by dataset and originator, travellers screened today, demo data",
        tags: ["console"],
        security: [{ bearer: [] }],
        response: {
          200: {
            type: "object",
            properties: {
              demoEntities: { type: "integer" },
              registry: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    dataset: { type: "string" },
                    originator: { type: "string" },
                    entities: { type: "integer" },
                  },
                  required: ["dataset", "originator", "entities"],
                },
              },
              screenedToday: {
                type: "object",
                properties: { flights: { type: "integer" }, travellers: { type: "integer" } },
                required: ["flights", "travellers"],
              },
            },
            required: ["demoEntities", "registry", "screenedToday"],
          },
        },
      },
    },
    async (request) => consoleSummary(db, actorOf(request).agencyId, clock.now()),
  );
}
