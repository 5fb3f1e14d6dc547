/**
 * The alert queue over HTTP: an agency lists and reads the alerts its own screenings raised, with matches
 * shown through the sharing policy, and records decisions (append-only, audited).
 */
import type { FastifyInstance } from "fastify";
import { decideAlert } from "../../alerts/decide.ts";
import { alertAgency, findAlert, listAlerts } from "../../alerts/service.ts";
import {
  ALERT_KINDS,
  ALERT_STATUSES,
  type AlertKind,
  type AlertStatus,
  DECISIONS,
  type Decision,
} from "../../alerts/types.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Store } from "../../platform/db.ts";
import { notFound } from "../../platform/errors.ts";
import type { SharingContext } from "../../sharing/context.ts";
import type { Role } from "../../sharing/types.ts";
import { contextOf } from "../auth.ts";
import { problemSchema } from "../problem.ts";
import { disclosedAlert } from "./screening.ts";

export interface AlertRouteOptions {
  store: Store;
  sharing: { referenceKey: string; clock: Clock };
}

export const ALERT_ROLES: readonly Role[] = ["screener", "analyst"];
const PROBLEMS = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema } as const;
const SECURED = { security: [{ bearer: [] }] } as const;
const ANY_OBJECT = { type: "object", additionalProperties: true } as const;

export async function registerAlertRoutes(app: FastifyInstance, options: AlertRouteOptions): Promise<void> {
  const { db } = options.store;
  /** The alert when it belongs to the caller's agency; others' alerts do not exist for the caller. */
  const ownAlert = async (id: string, context: SharingContext) => {
    const alert = await findAlert(db, id);
    if (!alert || alertAgency(alert) !== context.actor.agencyId) throw notFound(`no alert ${id}`);
    return alert;
  };
  const shown = <T extends Parameters<typeof disclosedAlert>[3]>(context: SharingContext, alert: T) =>
    disclosedAlert(db, context, options.sharing.referenceKey, alert, "alerts.read");

  app.get<{ Querystring: { status?: AlertStatus; kind?: AlertKind; limit: number; offset: number } }>(
    "/alerts",
    {
      config: { roles: ALERT_ROLES },
      schema: {
        summary: "The caller's alert queue, highest priority first",
        tags: ["alerts"],
        ...SECURED,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            status: { type: "string", enum: [...ALERT_STATUSES] },
            kind: { type: "string", enum: [...ALERT_KINDS] },
            limit: { type: "integer", minimum: 1, maximum: 500, default: 50 },
            offset: { type: "integer", minimum: 0, default: 0 },
          },
        },
        response: {
          200: {
            type: "object",
            properties: { items: { type: "array", items: ANY_OBJECT } },
            required: ["items"],
          },
          ...PROBLEMS,
        },
      },
    },
    async (request) => {
      const context = contextOf(request, options.sharing.clock);
      const found = await listAlerts(db, { ...request.query, agency: context.actor.agencyId });
      const items = [];
      for (const alert of found) items.push(await shown(context, { ...alert, traveller: alert.subject }));
      return { items: items.map(({ traveller: _, ...alert }) => alert) };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/alerts/:id",
    {
      config: { roles: ALERT_ROLES },
      schema: {
        summary: "One alert with its hits, explanations and decision history",
        tags: ["alerts"],
        ...SECURED,
        params: { type: "object", properties: { id: { type: "string", maxLength: 100 } }, required: ["id"] },
        response: { 200: ANY_OBJECT, ...PROBLEMS },
      },
    },
    async (request) => {
      const context = contextOf(request, options.sharing.clock);
      const alert = await ownAlert(request.params.id, context);
      const { traveller: _, ...view } = await shown(context, { ...alert, traveller: alert.subject });
      return view;
    },
  );

  app.post<{
    Params: { id: string };
    Body: { decision: Decision; reason: string; assignee?: string; notSamePerson?: boolean };
  }>(
    "/alerts/:id/decision",
    {
      config: { roles: ["screener"] },
      schema: {
        summary: "Record an officer's decision: confirm, dismiss (not the same person) or escalate",
        tags: ["alerts"],
        ...SECURED,
        params: { type: "object", properties: { id: { type: "string", maxLength: 100 } }, required: ["id"] },
        body: {
          type: "object",
          additionalProperties: false,
          properties: {
            decision: { type: "string", enum: [...DECISIONS] },
            reason: { type: "string", minLength: 1, maxLength: 4000 },
            assignee: { type: "string", maxLength: 200 },
            notSamePerson: { type: "boolean" },
          },
          required: ["decision", "reason"],
        },
        response: { 200: ANY_OBJECT, 409: problemSchema, ...PROBLEMS },
      },
    },
    async (request) => {
      const context = contextOf(request, options.sharing.clock);
      await ownAlert(request.params.id, context);
      const alert = await decideAlert(db, request.params.id, request.body, context);
      const { traveller: _, ...view } = await shown(context, { ...alert, traveller: alert.subject });
      return view;
    },
  );
}
