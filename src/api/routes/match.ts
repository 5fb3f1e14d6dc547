/**
 * POST /api/v1/match: one query or a batch against the server's live matching index. Every match then
 * passes the sharing policy for the caller's agency and the stated purpose (discloseMatches), which also
 * writes the audit entry and tells originators of hit records.
 */
import type { FastifyInstance } from "fastify";
import type { MatchIndex } from "../../matching/index.ts";
import { parseQuery } from "../../matching/query.ts";
import type { MatchQuery } from "../../matching/types.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Store } from "../../platform/db.ts";
import { badInput } from "../../platform/errors.ts";
import { discloseMatches } from "../../sharing/disclose.ts";
import { PURPOSES, type Purpose, parsePurpose, type Role } from "../../sharing/types.ts";
import { actorOf } from "../auth.ts";
import { problemSchema } from "../problem.ts";

export interface MatchRouteOptions {
  store: Store;
  sharing: { referenceKey: string; clock: Clock };
  /** The server's matching index, current with the registry. */
  index: () => Promise<MatchIndex>;
}

export const MATCH_ROLES: readonly Role[] = ["screener", "analyst", "contributor", "admin"];
const MAX_QUERIES = 1000;
const MAX_TOP = 50;
/** Candidates asked of the index per result wanted: hidden records are dropped before the limit. */
const OVERFETCH = 4;

const queryProperties = {
  id: { anyOf: [{ type: "string", maxLength: 200 }, { type: "number" }] },
  schema: { type: "string", maxLength: 64 },
  name: { type: "string", minLength: 1, maxLength: 500 },
  birthDate: { type: "string", maxLength: 10 },
  nationality: { type: "string", maxLength: 64 },
  gender: { type: "string", maxLength: 16 },
  documentNumber: { type: "string", maxLength: 64 },
  documentCountry: { type: "string", maxLength: 64 },
  birthPlace: { type: "string", maxLength: 200 },
} as const;

const resultSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    matches: { type: "array", items: { type: "object", additionalProperties: true } },
  },
  required: ["id", "matches"],
} as const;

interface MatchBody {
  purpose?: string;
  top?: number;
  queries?: Record<string, unknown>[];
  [field: string]: unknown;
}

function queriesOf(body: MatchBody): { queries: MatchQuery[]; batch: boolean } {
  if (body.queries) {
    if (body.queries.length > MAX_QUERIES)
      throw badInput(`at most ${MAX_QUERIES} queries a request`, "body.queries");
    return {
      batch: true,
      queries: body.queries.map((q, i) => parseQuery({ id: `q${i + 1}`, ...q }, `body.queries[${i}]`)),
    };
  }
  const { purpose: _purpose, top: _top, ...single } = body;
  return { batch: false, queries: [parseQuery({ id: "q1", ...single }, "body")] };
}

export async function registerMatchRoutes(app: FastifyInstance, options: MatchRouteOptions): Promise<void> {
  const { db } = options.store;
  app.post<{ Body: MatchBody }>(
    "/match",
    {
      config: { roles: [...MATCH_ROLES] },
      schema: {
        summary: "Match one person or organisation, or a batch, against the registry",
        description:
          "Each match is shown as the sharing policy allows for the caller's agency and purpose: hit/no-hit, summary or full. Records the caller may not see are left out, exactly as if they did not exist.",
        tags: ["matching"],
        security: [{ bearer: [] }],
        body: {
          type: "object",
          required: ["purpose"],
          properties: {
            purpose: { type: "string", enum: [...PURPOSES] },
            top: { type: "integer", minimum: 1, maximum: MAX_TOP, default: 5 },
            queries: {
              type: "array",
              maxItems: MAX_QUERIES,
              items: {
                type: "object",
                required: ["name"],
                properties: queryProperties,
                additionalProperties: false,
              },
            },
            ...queryProperties,
          },
          additionalProperties: false,
        },
        response: {
          200: {
            oneOf: [
              resultSchema,
              {
                type: "object",
                properties: { results: { type: "array", items: resultSchema } },
                required: ["results"],
              },
            ],
          },
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => {
      const body = request.body;
      const purpose: Purpose = parsePurpose(String(body.purpose), "body.purpose");
      const top = body.top ?? 5;
      const { queries, batch } = queriesOf(body);
      const index = await options.index();
      const actor = actorOf(request);
      const results = [];
      for (const query of queries) {
        const found = index.search(query, top * OVERFETCH);
        const matches = await discloseMatches(db, actor, purpose, found, {
          ...options.sharing,
          action: "match",
          limit: top,
          queryContext: { ...query },
        });
        results.push({ id: query.id ?? "", matches });
      }
      return batch ? { results } : results[0];
    },
  );
}
