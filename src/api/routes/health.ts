import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Store } from "../../platform/db.ts";

export async function registerHealthRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  app.get(
    "/health",
    {
      schema: {
        summary: "Liveness and store reachability (no authentication)",
        response: {
          200: {
            type: "object",
            properties: { status: { type: "string" }, store: { type: "string" } },
            required: ["status", "store"],
          },
        },
      },
    },
    async () => {
      await options.store.db.execute(sql`select 1`);
      return { status: "ok", store: options.store.kind };
    },
  );
}
