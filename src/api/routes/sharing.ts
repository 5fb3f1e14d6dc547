/**
 * Coalition sharing over HTTP: contributing and withdrawing records, follow-up requests, the inbox,
 * the audit log, agencies, arrangements and keys. Thin adapters: the services in src/sharing decide,
 * shape, audit and notify; these routes only check roles (via `config.roles`) and translate.
 */
import type { FastifyInstance } from "fastify";
import { HANDLING_CODES } from "../../model/entity.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Store } from "../../platform/db.ts";
import { FtfxError, notFound } from "../../platform/errors.ts";
import { addAgency, getAgency, listAgencies } from "../../sharing/agencies.ts";
import { createKey, listKeys, revokeKey } from "../../sharing/api-keys.ts";
import { addArrangement, endArrangement, listArrangements } from "../../sharing/arrangements.ts";
import { tailAudit, verifyAuditLog } from "../../sharing/audit-log.ts";
import { decideFollowUp, listFollowUps, requestFollowUp } from "../../sharing/follow-ups.ts";
import { listNotifications, markRead } from "../../sharing/notifications.ts";
import { presentArrangement } from "../../sharing/present.ts";
import {
  contributeEntity,
  editOwnEntity,
  type OwnRecordPatch,
  withdrawEntity,
} from "../../sharing/records.ts";
import { reviewQueue } from "../../sharing/retention.ts";
import {
  AGENCY_TYPES,
  type Agency,
  type Arrangement,
  DISCLOSURES,
  PURPOSES,
  ROLES,
  type Role,
} from "../../sharing/types.ts";
import { setWebhook } from "../../sharing/webhooks.ts";
import { type Authenticator, actorOf, contextOf } from "../auth.ts";
import { problemSchema } from "../problem.ts";

export interface SharingRouteOptions {
  store: Store;
  authenticator: Authenticator;
  clock: Clock;
}

const ANY_OBJECT = { type: "object", additionalProperties: true } as const;
/** `{id}`: the path parameters of one-item routes and the answer of creating ones. */
const ID = {
  type: "object",
  properties: { id: { type: "string", maxLength: 200 } },
  required: ["id"],
} as const;
const ISO = { type: "string", maxLength: 40 } as const;
const PROBLEMS = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema } as const;
const SECURED = { security: [{ bearer: [] }] } as const;
const PURPOSE = { type: "string", enum: [...PURPOSES] } as const;
/** FtM properties: lists of strings, bounded so one request cannot carry an unbounded record. */
const PROPERTIES = {
  type: "object",
  maxProperties: 200,
  additionalProperties: { type: "array", maxItems: 500, items: { type: "string", maxLength: 10_000 } },
} as const;

/** Who may call what: one line per route group, asserted route by route in test/api/sharing-routes.test.ts. */
export const ROUTE_ROLES = {
  contribute: ["contributor"],
  edit: ["contributor"],
  withdraw: ["contributor", "admin"],
  requestFollowUp: ["screener", "analyst"],
  decideFollowUp: ["contributor", "admin"],
  readAudit: ["auditor"],
  verifyAudit: ["auditor", "admin"],
  administer: ["admin"],
  review: ["contributor", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export async function registerSharingRoutes(
  app: FastifyInstance,
  options: SharingRouteOptions,
): Promise<void> {
  const { db } = options.store;

  app.post<{
    Body: {
      schema: string;
      properties: Record<string, string[]>;
      handling?: string;
      datasets?: string[];
      reviewBy?: string;
      retainUntil?: string;
    };
  }>(
    "/entities",
    {
      config: { roles: ROUTE_ROLES.contribute },
      schema: {
        summary:
          "Contribute an FtM entity; the caller's agency becomes its originator. The id is assigned here.",
        tags: ["sharing"],
        ...SECURED,
        body: {
          type: "object",
          properties: {
            id: { type: "string", maxLength: 200, description: "ignored: ids are assigned by the server" },
            schema: { type: "string", maxLength: 64 },
            properties: PROPERTIES,
            handling: { type: "string", enum: [...HANDLING_CODES] },
            datasets: { type: "array", maxItems: 20, items: { type: "string", maxLength: 128 } },
            reviewBy: ISO,
            retainUntil: ISO,
          },
          required: ["schema", "properties"],
        },
        response: { 201: ID, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const { id: _ignored, ...input } = request.body as typeof request.body & { id?: string };
      const record = await contributeEntity(db, input, contextOf(request, options.clock));
      return reply.status(201).send({ id: record.id });
    },
  );

  app.post<{ Params: { id: string } }>(
    "/entities/:id/withdraw",
    {
      config: { roles: ROUTE_ROLES.withdraw },
      schema: {
        summary: "Withdraw (recall) one of your agency's records; others stop seeing it at once and are told",
        tags: ["sharing"],
        ...SECURED,
        params: ID,
        response: {
          200: { type: "object", properties: { id: { type: "string" }, status: { type: "string" } } },
          ...PROBLEMS,
        },
      },
    },
    async (request) => {
      const record = await withdrawEntity(db, request.params.id, contextOf(request, options.clock));
      return { id: record.id, status: record.status };
    },
  );

  app.patch<{ Params: { id: string }; Body: OwnRecordPatch }>(
    "/entities/:id",
    {
      config: { roles: ROUTE_ROLES.edit },
      schema: {
        summary:
          "Edit one of your agency's records: properties, handling (narrowing applies at once), review and retention dates",
        tags: ["sharing"],
        ...SECURED,
        params: ID,
        body: {
          type: "object",
          additionalProperties: false,
          minProperties: 1,
          properties: {
            properties: PROPERTIES,
            handling: { type: "string", enum: [...HANDLING_CODES] },
            reviewBy: { anyOf: [ISO, { type: "null" }] },
            retainUntil: { anyOf: [ISO, { type: "null" }] },
          },
        },
        response: {
          200: { type: "object", properties: { id: { type: "string" }, version: { type: "integer" } } },
          ...PROBLEMS,
        },
      },
    },
    async (request) => {
      const record = await editOwnEntity(
        db,
        request.params.id,
        request.body,
        contextOf(request, options.clock),
      );
      return { id: record.id, version: record.version };
    },
  );

  app.get(
    "/follow-ups",
    {
      schema: {
        summary: "Follow-up requests your agency made or must answer",
        tags: ["sharing"],
        ...SECURED,
        response: { 200: { type: "array", items: ANY_OBJECT }, ...PROBLEMS },
      },
    },
    async (request) => listFollowUps(db, actorOf(request).agencyId),
  );

  app.post<{ Body: { reference: string; purpose: string; level: string; reason: string } }>(
    "/follow-ups",
    {
      config: { roles: ROUTE_ROLES.requestFollowUp },
      schema: {
        summary: "Ask the originator of a hit for more (quote the reference you were shown)",
        tags: ["sharing"],
        ...SECURED,
        body: {
          type: "object",
          additionalProperties: false,
          properties: {
            reference: { type: "string", maxLength: 64 },
            purpose: PURPOSE,
            level: { type: "string", enum: ["summary", "full"] },
            reason: { type: "string", minLength: 1, maxLength: 2000 },
          },
          required: ["reference", "purpose", "level", "reason"],
        },
        response: { 201: ANY_OBJECT, ...PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await requestFollowUp(db, request.body, contextOf(request, options.clock))),
  );

  for (const decision of ["approve", "deny"] as const) {
    app.post<{ Params: { id: string }; Body: { expires?: string } | undefined }>(
      `/follow-ups/:id/${decision}`,
      {
        config: { roles: ROUTE_ROLES.decideFollowUp },
        schema: {
          summary:
            decision === "approve"
              ? "Approve a follow-up request on your record: more disclosure for that requester until `expires` (default 30 days)"
              : "Deny a follow-up request on your record",
          tags: ["sharing"],
          ...SECURED,
          params: ID,
          // The body is optional: a bare POST approves for the default period.
          body: {
            type: "object",
            nullable: true,
            additionalProperties: false,
            properties: decision === "approve" ? { expires: ISO } : {},
          },
          response: { 200: ANY_OBJECT, 409: problemSchema, ...PROBLEMS },
        },
      },
      async (request) =>
        decideFollowUp(
          db,
          request.params.id,
          {
            approve: decision === "approve",
            ...(request.body?.expires ? { expires: request.body.expires } : {}),
          },
          contextOf(request, options.clock),
        ),
    );
  }

  app.get<{ Querystring: { unread?: boolean; limit: number } }>(
    "/notifications",
    {
      schema: {
        summary: "Your agency's inbox: hits on its records, withdrawals, follow-up requests and decisions",
        tags: ["sharing"],
        ...SECURED,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            unread: { type: "boolean" },
            limit: { type: "integer", minimum: 1, maximum: 500, default: 100 },
          },
        },
        response: { 200: { type: "array", items: ANY_OBJECT }, ...PROBLEMS },
      },
    },
    async (request) =>
      listNotifications(db, actorOf(request).agencyId, {
        unreadOnly: request.query.unread === true,
        limit: request.query.limit,
      }),
  );

  app.post<{ Body: { ids: string[] } }>(
    "/notifications/read",
    {
      schema: {
        summary: "Mark notifications of your agency read",
        tags: ["sharing"],
        ...SECURED,
        body: {
          type: "object",
          additionalProperties: false,
          properties: { ids: { type: "array", maxItems: 500, items: { type: "string", maxLength: 64 } } },
          required: ["ids"],
        },
        response: { 204: { type: "null" }, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      await markRead(db, actorOf(request).agencyId, request.body.ids, options.clock.now());
      return reply.status(204).send();
    },
  );

  app.get(
    "/audit/verify",
    {
      config: { roles: ROUTE_ROLES.verifyAudit },
      schema: {
        summary: "Verify the audit log's hash chain: {ok:true,entries} or {ok:false,firstBrokenAt}",
        tags: ["audit"],
        ...SECURED,
        response: {
          200: {
            type: "object",
            properties: {
              ok: { type: "boolean" },
              entries: { type: "integer" },
              firstBrokenAt: { type: "string" },
            },
            required: ["ok"],
          },
          ...PROBLEMS,
        },
      },
    },
    async () => verifyAuditLog(db),
  );

  app.get<{ Querystring: { limit: number; afterSeq?: number } }>(
    "/audit",
    {
      config: { roles: ROUTE_ROLES.readAudit },
      schema: {
        summary: "Read the audit log: the newest entries, or page forward after a seq",
        tags: ["audit"],
        ...SECURED,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            limit: { type: "integer", minimum: 1, maximum: 1000, default: 100 },
            afterSeq: { type: "integer", minimum: 0 },
          },
        },
        response: { 200: { type: "array", items: ANY_OBJECT }, ...PROBLEMS },
      },
    },
    async (request) => tailAudit(db, request.query),
  );

  app.get(
    "/agencies",
    {
      schema: {
        summary: "The partner agencies and whom to ask at each",
        tags: ["sharing"],
        ...SECURED,
        response: { 200: { type: "array", items: ANY_OBJECT }, ...PROBLEMS },
      },
    },
    async () => listAgencies(db),
  );

  app.post<{ Body: { country: string; name: string; type: string; contact?: string; member?: boolean } }>(
    "/agencies",
    {
      config: { roles: ROUTE_ROLES.administer },
      schema: {
        summary: "Add a partner agency (admins of a secretariat agency)",
        tags: ["sharing"],
        ...SECURED,
        body: {
          type: "object",
          additionalProperties: false,
          properties: {
            country: { type: "string", minLength: 2, maxLength: 2 },
            name: { type: "string", minLength: 1, maxLength: 200 },
            type: { type: "string", enum: [...AGENCY_TYPES] },
            contact: { type: "string", maxLength: 200 },
            member: { type: "boolean" },
          },
          required: ["country", "name", "type"],
        },
        response: { 201: ID, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const context = contextOf(request, options.clock);
      const own = await getAgency(db, context.actor.agencyId);
      if (own.type !== "secretariat")
        throw new FtfxError("forbidden", "only a secretariat's admins add agencies");
      const agency = await addAgency(db, request.body, context);
      return reply.status(201).send({ id: agency.id });
    },
  );

  app.post<{ Body: { url: string | null } }>(
    "/webhook",
    {
      config: { roles: ROUTE_ROLES.administer },
      schema: {
        summary:
          "Set (or with null remove) your agency's webhook: notifications are POSTed there too, signed (x-ftfx-signature: sha256=HMAC of `timestamp.body`); the secret is shown only in this answer",
        tags: ["sharing"],
        ...SECURED,
        body: {
          type: "object",
          additionalProperties: false,
          properties: { url: { type: "string", maxLength: 2000, nullable: true } },
          required: ["url"],
        },
        response: {
          200: { type: "object", properties: { secret: { type: "string" } }, required: ["secret"] },
          204: { type: "null" },
          ...PROBLEMS,
        },
      },
    },
    async (request, reply) => {
      const context = contextOf(request, options.clock);
      const set = await setWebhook(db, context.actor.agencyId, request.body.url, context);
      return set ? set : reply.status(204).send();
    },
  );

  app.get(
    "/arrangements",
    {
      schema: {
        summary:
          "Arrangements your agency shares under or receives from (group members shown to the originator side only)",
        tags: ["sharing"],
        ...SECURED,
        response: { 200: { type: "array", items: ANY_OBJECT }, ...PROBLEMS },
      },
    },
    async (request) => {
      const viewer = await getAgency(db, actorOf(request).agencyId);
      return (await listArrangements(db))
        .filter((a) => involves(a, viewer))
        .map((a) => presentArrangement(a, viewer));
    },
  );

  app.post<{ Body: { to: string; disclosure: string; purposes: string[]; starts?: string; until?: string } }>(
    "/arrangements",
    {
      config: { roles: ROUTE_ROLES.administer },
      schema: {
        summary: "Share your agency's records with a recipient: an agency id, country:XX or group:ID",
        tags: ["sharing"],
        ...SECURED,
        body: {
          type: "object",
          additionalProperties: false,
          properties: {
            to: { type: "string", maxLength: 200 },
            disclosure: { type: "string", enum: [...DISCLOSURES] },
            purposes: { type: "array", minItems: 1, maxItems: PURPOSES.length, items: PURPOSE },
            starts: ISO,
            until: ISO,
          },
          required: ["to", "disclosure", "purposes"],
        },
        response: { 201: ID, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const context = contextOf(request, options.clock);
      const arrangement = await addArrangement(
        db,
        { ...request.body, from: context.actor.agencyId },
        context,
      );
      return reply.status(201).send({ id: arrangement.id });
    },
  );

  app.post<{ Params: { id: string } }>(
    "/arrangements/:id/end",
    {
      config: { roles: ROUTE_ROLES.administer },
      schema: {
        summary: "End one of your agency's arrangements now",
        tags: ["sharing"],
        ...SECURED,
        params: ID,
        response: { 204: { type: "null" }, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const context = contextOf(request, options.clock);
      const arrangement = (await listArrangements(db)).find((a) => a.id === request.params.id);
      if (
        !arrangement ||
        !("agency" in arrangement.originator) ||
        arrangement.originator.agency !== context.actor.agencyId
      ) {
        throw notFound(`no arrangement with id ${request.params.id}`);
      }
      await endArrangement(db, arrangement.id, context);
      return reply.status(204).send();
    },
  );

  app.get(
    "/keys",
    {
      config: { roles: ROUTE_ROLES.administer },
      schema: {
        summary: "Your agency's API keys (never the secrets)",
        tags: ["sharing"],
        ...SECURED,
        response: { 200: { type: "array", items: ANY_OBJECT }, ...PROBLEMS },
      },
    },
    async (request) => listKeys(db, actorOf(request).agencyId),
  );

  app.post<{ Body: { roles: string[]; name?: string } }>(
    "/keys",
    {
      config: { roles: ROUTE_ROLES.administer },
      schema: {
        summary:
          "Create an API key for a new service account of your agency; the key is shown only in this answer",
        tags: ["sharing"],
        ...SECURED,
        body: {
          type: "object",
          additionalProperties: false,
          properties: {
            roles: {
              type: "array",
              minItems: 1,
              maxItems: ROLES.length,
              items: { type: "string", enum: [...ROLES] },
            },
            name: { type: "string", maxLength: 200 },
          },
          required: ["roles"],
        },
        response: {
          201: {
            type: "object",
            properties: { id: { type: "string" }, key: { type: "string" } },
            required: ["id", "key"],
          },
          ...PROBLEMS,
        },
      },
    },
    async (request, reply) => {
      const context = contextOf(request, options.clock);
      const created = await createKey(db, { ...request.body, agencyId: context.actor.agencyId }, context);
      return reply.status(201).send(created);
    },
  );

  app.post<{ Params: { id: string } }>(
    "/keys/:id/revoke",
    {
      config: { roles: ROUTE_ROLES.administer },
      schema: {
        summary: "Revoke one of your agency's API keys, at once",
        tags: ["sharing"],
        ...SECURED,
        params: ID,
        response: { 204: { type: "null" }, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const context = contextOf(request, options.clock);
      await revokeKey(db, request.params.id, context, context.actor.agencyId);
      options.authenticator.forget(request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    "/retention/review",
    {
      config: { roles: ROUTE_ROLES.review },
      schema: {
        summary: "Your agency's records past their review date",
        tags: ["sharing"],
        ...SECURED,
        response: { 200: { type: "array", items: ANY_OBJECT }, ...PROBLEMS },
      },
    },
    async (request) => reviewQueue(db, actorOf(request).agencyId, options.clock.now()),
  );
}

/** Arrangements an agency is a party to: as originator (itself or its country) or as a named recipient. */
function involves(arrangement: Arrangement, viewer: Agency): boolean {
  const { originator, recipient } = arrangement;
  if ("agency" in originator ? originator.agency === viewer.id : originator.country === viewer.country)
    return true;
  if ("agency" in recipient) return recipient.agency === viewer.id;
  if ("country" in recipient) return recipient.country === viewer.country;
  return recipient.group.members.includes(viewer.id);
}
