/**
 * Traveller screening over HTTP: a PAXLST or PNRGOV message in (stored with its alerts in one transaction),
 * the same object as `ftfx screen manifest --json` out; one traveller in real time. Matches leave through
 * the sharing choke point (discloseMatches): a caller sees each record as the policy lets its agency see it.
 */
import type { FastifyInstance } from "fastify";
import type { ClearedMatch } from "../../alerts/types.ts";
import type { MatchIndex } from "../../matching/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db, Store } from "../../platform/db.ts";
import { badInput } from "../../platform/errors.ts";
import type { ReportAlert } from "../../screening/report.ts";
import { parseTravellerFields, travellerFromFields, travellerReport } from "../../screening/single.ts";
import {
  agencyScreener,
  screenMessageIntoStore,
  screenTravellerInStore,
} from "../../screening/store-screening.ts";
import type { SharingContext } from "../../sharing/context.ts";
import { discloseMatches } from "../../sharing/disclose.ts";
import type { Role } from "../../sharing/types.ts";
import { PURPOSES, type Purpose, parsePurpose } from "../../sharing/types.ts";
import { contextOf } from "../auth.ts";
import { problemSchema } from "../problem.ts";

export interface ScreeningRouteOptions {
  store: Store;
  sharing: { referenceKey: string; clock: Clock };
  /** The server's matching index, current with the registry. */
  index: () => Promise<MatchIndex>;
}

export const SCREENING_ROLES: readonly Role[] = ["screener"];
const MESSAGE_TYPES = ["application/edifact", "application/octet-stream"];
const PROBLEMS = { 400: problemSchema, 401: problemSchema, 403: problemSchema } as const;
const SECURED = { security: [{ bearer: [] }] } as const;
const ANY_OBJECT = { type: "object", additionalProperties: true } as const;

/** What a cleared-before entry may show any caller: when and by whom, not which record (it may be hidden). */
const clearance = ({ clearedBy, clearedAt }: ClearedMatch) => ({ clearedBy, clearedAt });

/**
 * An alert as the caller's agency may see it: matches through the sharing choke point (audited, originators
 * told of hits), cleared entries without the record, and none of the redress evidence (hashes and ids).
 */
export async function disclosedAlert<
  T extends Pick<ReportAlert, "matches" | "traveller"> & { cleared?: ClearedMatch[] },
>(
  db: Db,
  context: SharingContext,
  referenceKey: string,
  alert: T,
  action: string,
  purpose: Purpose = "border-screening",
): Promise<Omit<T, "matches" | "cleared" | "evidence"> & { matches: unknown[]; cleared?: unknown[] }> {
  const matches = alert.matches.length
    ? await discloseMatches(db, context.actor, purpose, alert.matches, {
        referenceKey,
        clock: context.clock,
        action,
        queryContext: { traveller: { ...alert.traveller } },
      })
    : [];
  const { evidence: _, cleared, matches: __, ...rest } = alert as T & { evidence?: unknown };
  const view = { ...rest, matches, ...(cleared ? { cleared: cleared.map(clearance) } : {}) };
  return view as Omit<T, "matches" | "cleared" | "evidence"> & { matches: unknown[]; cleared?: unknown[] };
}

export async function registerScreeningRoutes(
  app: FastifyInstance,
  options: ScreeningRouteOptions,
): Promise<void> {
  const { db } = options.store;
  const screener = async (context: SharingContext, purpose?: Purpose) =>
    agencyScreener(db, await options.index(), context, purpose);
  // EDIFACT arrives as text whatever its type says (text/plain is read as text by Fastify already).
  app.addContentTypeParser(MESSAGE_TYPES, { parseAs: "string" }, (_request, body, done) => done(null, body));

  app.post<{ Body: string; Querystring: { file?: string } }>(
    "/manifests",
    {
      config: { roles: SCREENING_ROLES },
      schema: {
        summary: "Screen a PAXLST or PNRGOV manifest: stored with its alerts in one transaction",
        tags: ["screening"],
        ...SECURED,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { file: { type: "string", maxLength: 200 } },
        },
        response: {
          200: {
            type: "object",
            properties: {
              flight: ANY_OBJECT,
              travellers: { type: "integer" },
              alerts: { type: "array", items: ANY_OBJECT },
              clearedBefore: { type: "array", items: ANY_OBJECT },
            },
            required: ["flight", "travellers", "alerts"],
          },
          ...PROBLEMS,
        },
      },
    },
    async (request) => {
      if (typeof request.body !== "string")
        throw badInput("send the EDIFACT message itself as the body (text/plain), not JSON", "body");
      const context = contextOf(request, options.sharing.clock);
      const file = request.query.file ?? "body";
      const report = await screenMessageIntoStore(db, request.body, file, await screener(context), context);
      const alerts = [];
      for (const alert of report.alerts)
        alerts.push(
          await disclosedAlert(db, context, options.sharing.referenceKey, alert, "screening.manifest"),
        );
      const clearedBefore = report.clearedBefore?.map((c) => ({
        traveller: c.traveller,
        cleared: c.cleared.map(clearance),
      }));
      return { ...report, alerts, ...(clearedBefore ? { clearedBefore } : {}) };
    },
  );

  app.post<{ Body: unknown }>(
    "/screening/travellers",
    {
      config: { roles: SCREENING_ROLES },
      schema: {
        summary: "Screen one traveller in real time (name, birthDate, nationality, gender, documentNumber)",
        description:
          "The body states the purpose of the check; only records the sharing policy lets the caller's agency know of for that purpose can hit.",
        tags: ["screening"],
        ...SECURED,
        body: {
          type: "object",
          additionalProperties: true,
          required: ["purpose"],
          properties: { purpose: { type: "string", enum: [...PURPOSES] } },
        },
        response: { 200: ANY_OBJECT, ...PROBLEMS },
      },
    },
    async (request) => {
      const context = contextOf(request, options.sharing.clock);
      const { purpose: stated, ...fields } = (request.body ?? {}) as Record<string, unknown>;
      const purpose = parsePurpose(String(stated), "body.purpose");
      const traveller = travellerFromFields(parseTravellerFields(fields, "body"));
      const result = await screenTravellerInStore(
        db,
        traveller,
        await screener(context, purpose),
        context,
        purpose,
      );
      const report = travellerReport(result);
      const view = await disclosedAlert(
        db,
        context,
        options.sharing.referenceKey,
        report,
        "screening.traveller",
        purpose,
      );
      return { ...view, clearedBefore: report.clearedBefore.map(clearance) };
    },
  );
}
