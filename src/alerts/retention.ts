/**
 * Traveller-data retention: travellers (and the PNR data of their manifests, and what their alerts repeat
 * of them) are depersonalised after 6 months and deleted after 5 years by default. Depersonalised data wait
 * sealed in the vault; they are read back only through a recorded, authorised request. Each run and each
 * re-personalisation is audited without personal data.
 */
import { and, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Db } from "../platform/db.ts";
import { badInput, FtfxError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { appendAudit, auditBody } from "../sharing/audit-log.ts";
import type { SharingContext } from "../sharing/context.ts";
import {
  alertDecisions,
  alerts,
  repersonalisationRequests,
  screenedManifests,
  screenedTravellers,
  travellerVault,
} from "./schema.ts";

export interface TravellerRetentionPolicy {
  depersonaliseAfterDays: number;
  deleteAfterDays: number;
}

export const DEFAULT_TRAVELLER_RETENTION: TravellerRetentionPolicy = {
  depersonaliseAfterDays: 183,
  deleteAfterDays: 1826,
};

/** The policy from FTFX_TRAVELLER_DEPERSONALISE_DAYS and FTFX_TRAVELLER_DELETE_DAYS, defaults otherwise. */
export function travellerRetentionPolicy(env: NodeJS.ProcessEnv = process.env): TravellerRetentionPolicy {
  const days = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1)
      throw badInput(`must be a whole number of days, got "${raw}"`, name);
    return value;
  };
  const policy = {
    depersonaliseAfterDays: days(
      "FTFX_TRAVELLER_DEPERSONALISE_DAYS",
      DEFAULT_TRAVELLER_RETENTION.depersonaliseAfterDays,
    ),
    deleteAfterDays: days("FTFX_TRAVELLER_DELETE_DAYS", DEFAULT_TRAVELLER_RETENTION.deleteAfterDays),
  };
  if (policy.deleteAfterDays < policy.depersonaliseAfterDays)
    throw badInput("deletion must not come before depersonalisation", "FTFX_TRAVELLER_DELETE_DAYS");
  return policy;
}

export interface TravellerRetentionRun {
  depersonalisedTravellers: number;
  depersonalisedManifests: number;
  deletedTravellers: number;
  deletedManifests: number;
  deletedAlerts: number;
}

export const MASK = "[depersonalised]";
const BATCH = 500;
const DAY_MS = 86_400_000;

const before = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

/** Runs both steps in batches, each batch one transaction; returns what it did. */
export async function runTravellerRetention(
  db: Db,
  context: SharingContext,
  policy: TravellerRetentionPolicy = DEFAULT_TRAVELLER_RETENTION,
): Promise<TravellerRetentionRun> {
  const now = context.clock.now();
  const run: TravellerRetentionRun = {
    depersonalisedTravellers: 0,
    depersonalisedManifests: 0,
    deletedTravellers: 0,
    deletedManifests: 0,
    deletedAlerts: 0,
  };
  const deleteBefore = before(now, policy.deleteAfterDays);
  const depersonaliseBefore = before(now, policy.depersonaliseAfterDays);
  while (await deleteBatch(db, deleteBefore, run)) {}
  while (await depersonaliseTravellers(db, depersonaliseBefore, now, run)) {}
  while (await depersonaliseManifests(db, depersonaliseBefore, now, run)) {}
  await db.transaction(async (tx) => {
    await appendAudit(tx, auditBody(context.actor, now, "retention.travellers", { ...run, ...policy }));
  });
  return run;
}

async function deleteBatch(db: Db, cutoff: string, run: TravellerRetentionRun): Promise<boolean> {
  return db.transaction(async (tx) => {
    const travellers = await tx
      .select({ id: screenedTravellers.id })
      .from(screenedTravellers)
      .where(lte(screenedTravellers.createdAt, cutoff))
      .limit(BATCH);
    const manifests = await tx
      .select({ id: screenedManifests.id })
      .from(screenedManifests)
      .where(lte(screenedManifests.receivedAt, cutoff))
      .limit(BATCH);
    if (travellers.length === 0 && manifests.length === 0) return false;
    const travellerIds = travellers.map((t) => t.id);
    const manifestIds = manifests.map((m) => m.id);
    if (travellerIds.length) {
      const gone = await tx
        .delete(alerts)
        .where(inArray(alerts.travellerId, travellerIds))
        .returning({ id: alerts.id });
      if (gone.length)
        await tx.delete(alertDecisions).where(
          inArray(
            alertDecisions.alertId,
            gone.map((a) => a.id),
          ),
        );
      run.deletedAlerts += gone.length;
      await tx.delete(screenedTravellers).where(inArray(screenedTravellers.id, travellerIds));
      run.deletedTravellers += travellerIds.length;
    }
    if (manifestIds.length) {
      await tx.delete(screenedManifests).where(inArray(screenedManifests.id, manifestIds));
      run.deletedManifests += manifestIds.length;
    }
    await tx
      .delete(travellerVault)
      .where(inArray(travellerVault.travellerId, [...travellerIds, ...manifestIds]));
    return true;
  });
}

async function depersonaliseTravellers(
  db: Db,
  cutoff: string,
  now: Date,
  run: TravellerRetentionRun,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(screenedTravellers)
      .where(and(lte(screenedTravellers.createdAt, cutoff), isNull(screenedTravellers.depersonalisedAt)))
      .limit(BATCH);
    if (due.length === 0) return false;
    const ids = due.map((t) => t.id);
    const theirAlerts = await tx.select().from(alerts).where(inArray(alerts.travellerId, ids));
    const at = now.toISOString();
    await tx.insert(travellerVault).values(
      due.map((t) => ({
        travellerId: t.id,
        sealedAt: at,
        data: {
          name: t.name,
          birthDate: t.birthDate,
          nationality: t.nationality,
          documentNumber: t.documentNumber,
          traveller: t.data,
          alerts: theirAlerts
            .filter((a) => a.travellerId === t.id)
            .map((a) => ({ id: a.id, subject: a.subject, matches: a.matches, cleared: a.cleared })),
        },
      })),
    );
    for (const t of due) {
      await tx
        .update(screenedTravellers)
        .set({
          name: MASK,
          birthDate: null,
          nationality: null,
          documentNumber: null,
          data: { ref: t.ref, role: t.role },
          depersonalisedAt: at,
        })
        .where(eq(screenedTravellers.id, t.id));
    }
    for (const a of theirAlerts) {
      // Explanations quote the traveller's name and birth date: only the record, score and verdict stay.
      const matches = (
        a.matches as { entityId: string; caption: string; score: number; alert: boolean }[]
      ).map(({ entityId, caption, score, alert }) => ({ entityId, caption, score, alert, explanation: [] }));
      await tx
        .update(alerts)
        .set({ subject: { name: MASK }, matches, cleared: [] })
        .where(eq(alerts.id, a.id));
    }
    run.depersonalisedTravellers += due.length;
    return true;
  });
}

async function depersonaliseManifests(
  db: Db,
  cutoff: string,
  now: Date,
  run: TravellerRetentionRun,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: screenedManifests.id, pnrs: screenedManifests.pnrs })
      .from(screenedManifests)
      .where(and(lte(screenedManifests.receivedAt, cutoff), isNull(screenedManifests.depersonalisedAt)))
      .limit(BATCH);
    if (due.length === 0) return false;
    const at = now.toISOString();
    // The vault keys a manifest's PNR data by the manifest id.
    const withPnrs = due.filter((m) => m.pnrs);
    if (withPnrs.length)
      await tx
        .insert(travellerVault)
        .values(withPnrs.map((m) => ({ travellerId: m.id, sealedAt: at, data: { pnrs: m.pnrs } })));
    await tx
      .update(screenedManifests)
      .set({ pnrs: null, depersonalisedAt: at })
      .where(
        inArray(
          screenedManifests.id,
          due.map((m) => m.id),
        ),
      );
    run.depersonalisedManifests += due.length;
    return true;
  });
}

export interface RepersonalisationRequest {
  reason: string;
  /** Who authorised the request: a different person than the requester (four eyes). */
  authorisedBy: string;
}

/**
 * Reads a depersonalised traveller's sealed data back, for an authorised request that is recorded and
 * audited first. The stored rows stay masked: the answer is for this request only.
 */
export async function repersonaliseTraveller(
  db: Db,
  travellerId: string,
  request: RepersonalisationRequest,
  context: SharingContext,
): Promise<Record<string, unknown>> {
  const reason = request.reason.trim();
  const authorisedBy = request.authorisedBy.trim();
  if (!reason) throw badInput("a re-personalisation needs a reason", "reason");
  if (!authorisedBy) throw badInput("a re-personalisation needs who authorised it", "authorisedBy");
  if (authorisedBy === context.actor.userId)
    throw new FtfxError("forbidden", "a request cannot be authorised by its requester", "authorisedBy");
  const at = context.clock.now();
  return db.transaction(async (tx) => {
    const [sealed] = await tx
      .select()
      .from(travellerVault)
      .where(eq(travellerVault.travellerId, travellerId));
    if (!sealed) throw notFound(`no depersonalised traveller ${travellerId}`);
    const id = newId("rep");
    await tx.insert(repersonalisationRequests).values({
      id,
      travellerId,
      requestedBy: context.actor.userId,
      authorisedBy,
      reason,
      at: at.toISOString(),
    });
    await appendAudit(
      tx,
      auditBody(context.actor, at, "retention.repersonalise", {
        subject: travellerId,
        request: id,
        authorisedBy,
        reason,
      }),
    );
    return sealed.data;
  });
}

/** Runs traveller retention now and then every `everyMs` (the server's schedule); returns a stop function. */
export function scheduleTravellerRetention(
  db: Db,
  context: SharingContext,
  everyMs: number,
  onError: (error: unknown) => void,
  policy: TravellerRetentionPolicy = travellerRetentionPolicy(),
): () => void {
  const run = () => void runTravellerRetention(db, context, policy).catch(onError);
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
