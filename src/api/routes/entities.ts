import type { FastifyInstance } from "fastify";
import { ENTITY_STATUSES, HANDLING_CODES } from "../../model/entity.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Store } from "../../platform/db.ts";
import { notFound } from "../../platform/errors.ts";
import { entityHistory } from "../../registry/history.ts";
import { findEntity, listEntities } from "../../registry/queries.ts";
import { readEntityAs } from "../../sharing/disclose.ts";
import { PURPOSES, type Purpose } from "../../sharing/types.ts";
import { actorOf } from "../auth.ts";
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

/**
 * Read access to the registry: paged, filterable listing and one entity by id. A keyed caller lists only
 * its own agency's records and reads another agency's record only through the sharing policy.
 */
export async function registerEntityRoutes(
  app: FastifyInstance,
  options: { store: Store; sharing: { referenceKey: string; clock: Clock } },
): Promise<void> {
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
      const originator = actorOf(request).agencyId;
      const page = await listEntities(db, { ...filter, originator, limit, offset });
      return { total: page.total, limit, offset, items: page.items };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { purpose?: Purpose } }>(
    "/entities/:id",
    {
      schema: {
        summary:
          "One registry entity by id; another agency's record as the sharing policy allows for the purpose",
        tags: ["registry"],
        params: { type: "object", properties: { id: { type: "string", maxLength: 200 } }, required: ["id"] },
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { purpose: { type: "string", enum: [...PURPOSES] } },
        },
        response: {
          200: { anyOf: [entitySchema, { type: "object", additionalProperties: true }] },
          404: problemSchema,
        },
      },
    },
    async (request) =>
      readEntityAs(db, actorOf(request), request.query.purpose, request.params.id, options.sharing),
  );

  app.get<{ Params: { id: string } }>(
    "/entities/:id/history",
    {
      schema: {
        summary: "Version history of one of the caller's own agency's records: who changed what, and when",
        description:
          "Versions carry the full state of each edition, so only the originator may read them; any other record answers exactly as a missing one.",
        tags: ["registry"],
        params: { type: "object", properties: { id: { type: "string", maxLength: 200 } }, required: ["id"] },
        response: {
          200: { type: "array", items: { type: "object", additionalProperties: true } },
          404: problemSchema,
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const record = await findEntity(db, id);
      if (!record || record.originator !== actorOf(request).agencyId)
        throw notFound(`no entity with id ${id}`);
      return entityHistory(db, id);
    },
  );
}
