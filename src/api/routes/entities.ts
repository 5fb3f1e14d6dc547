import type { FastifyInstance } from "fastify";
import { ENTITY_STATUSES, HANDLING_CODES } from "../../model/entity.ts";
import type { Store } from "../../platform/db.ts";
import { getEntity, listEntities } from "../../registry/queries.ts";
import { problemSchema } from "../problem.ts";

const entitySchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    schema: { type: "string" },
    caption: { type: "string" },
    properties: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
    originator: { type: "string" },
    datasets: { type: "array", items: { type: "string" } },
    handling: { type: "string", enum: [...HANDLING_CODES] },
    status: { type: "string", enum: [...ENTITY_STATUSES] },
    listRef: { type: "string" },
    firstSeen: { type: "string" },
    lastSeen: { type: "string" },
    reviewBy: { type: "string" },
    retainUntil: { type: "string" },
    version: { type: "integer" },
  },
  required: [
    "id",
    "schema",
    "caption",
    "properties",
    "originator",
    "datasets",
    "handling",
    "status",
    "version",
  ],
} as const;

interface ListQuery {
  schema?: string;
  dataset?: string;
  status?: (typeof ENTITY_STATUSES)[number];
  limit: number;
  offset: number;
}

/** Read access to the registry: paged, filterable listing and one entity by id. */
export async function registerEntityRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const { db } = options.store;

  app.get<{ Querystring: ListQuery }>(
    "/entities",
    {
      schema: {
        summary: "List registry entities, paged and filtered",
        tags: ["registry"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            schema: { type: "string", maxLength: 64 },
            dataset: { type: "string", maxLength: 128 },
            status: { type: "string", enum: [...ENTITY_STATUSES] },
            limit: { type: "integer", minimum: 1, maximum: 500, default: 50 },
            offset: { type: "integer", minimum: 0, default: 0 },
          },
        },
        response: {
          200: {
            type: "object",
            properties: {
              total: { type: "integer" },
              limit: { type: "integer" },
              offset: { type: "integer" },
              items: { type: "array", items: entitySchema },
            },
            required: ["total", "limit", "offset", "items"],
          },
          400: problemSchema,
        },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      const page = await listEntities(db, { ...filter, limit, offset });
      return { total: page.total, limit, offset, items: page.items };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/entities/:id",
    {
      schema: {
        summary: "One registry entity by id",
        tags: ["registry"],
        params: { type: "object", properties: { id: { type: "string", maxLength: 200 } }, required: ["id"] },
        response: { 200: entitySchema, 404: problemSchema },
      },
    },
    async (request) => getEntity(db, request.params.id),
  );
}
