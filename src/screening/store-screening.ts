/**
 * Screening against the registry: the screener's lookups read the store (registered documents, record
 * hashes and redress clearances), and a manifest is stored whole in one transaction — flight, travellers,
 * alerts and the audit entry — or not at all.
 */
import { inArray } from "drizzle-orm";
import { clearedMatch, evidenceFingerprint, findClearances } from "../alerts/redress.ts";
import { screenedManifests, screenedTravellers } from "../alerts/schema.ts";
import { createAlerts } from "../alerts/service.ts";
import type { NewAlert } from "../alerts/types.ts";
import { parseTravelMessage } from "../formats/travel-message.ts";
import type { Manifest, Traveller } from "../formats/travel-types.ts";
import type { MatchIndex } from "../matching/index.ts";
import type { Db, DbOrTx } from "../platform/db.ts";
import { newId } from "../platform/ids.ts";
import { entities } from "../registry/schema.ts";
import { appendAudit, appendAuditGrouped, auditBody } from "../sharing/audit-log.ts";
import type { SharingContext } from "../sharing/context.ts";
import type { Purpose } from "../sharing/types.ts";
import { visibleRecords } from "../sharing/visibility.ts";
import { type AirportLocator, packageLocator } from "./airports.ts";
import { storeDocumentLookup } from "./documents.ts";
import { type ManifestReport, manifestReport } from "./report.ts";
import { activeRules } from "./rule-store.ts";
import {
  evidenceOf,
  type RedressCheck,
  type Screener,
  screenTravellers,
  type TravellerResult,
} from "./screen.ts";

/** Redress against the store: the matched records' current content hashes and the clearances on them. */
export function storeRedress(db: DbOrTx): RedressCheck {
  return async (evidence, matches) => {
    const fingerprint = evidenceFingerprint(evidence);
    const rows = await db
      .select({ id: entities.id, contentHash: entities.contentHash })
      .from(entities)
      .where(
        inArray(
          entities.id,
          matches.map((m) => m.entityId),
        ),
      );
    const records = Object.fromEntries(rows.map((r) => [r.id, r.contentHash]));
    const clearances = await findClearances(db, fingerprint, records);
    return {
      kept: matches.filter((m) => !clearances.has(m.entityId)),
      cleared: matches.flatMap((m) => {
        const clearance = clearances.get(m.entityId);
        return clearance ? [clearedMatch(m, clearance)] : [];
      }),
      evidence: { fingerprint, records },
    };
  };
}

/** A screener over the registry: the given matching index, the stored rules, documents and redress. */
export async function storeScreener(
  db: Db,
  index: MatchIndex,
  context: SharingContext,
  airports: AirportLocator = packageLocator,
): Promise<Screener> {
  return {
    index,
    documents: storeDocumentLookup(db),
    rules: await activeRules(db, context),
    airports,
    redress: storeRedress(db),
  };
}

/**
 * A screener for an agency calling over the API: only records the policy lets it know of, for the stated
 * purpose, can hit.
 */
export async function agencyScreener(
  db: Db,
  index: MatchIndex,
  context: SharingContext,
  purpose: Purpose = "border-screening",
): Promise<Screener> {
  return {
    ...(await storeScreener(db, index, context)),
    visible: (ids) => visibleRecords(db, context.actor, purpose, ids, context.clock.now()),
  };
}

/** Carrier, number without leading zeros, and the first departure date: one flight across messages. */
export function flightKey(manifest: Manifest): string {
  const { carrier, number, legs } = manifest.flight;
  return `${carrier}${number.replace(/^0+(?=\d)/, "")}/${legs[0]?.departureTime?.slice(0, 10) ?? ""}`;
}

function travellerAlert(
  result: TravellerResult,
  manifest: Manifest,
  ids: { manifest: string; traveller: string },
  agency: string,
): NewAlert {
  const key = flightKey(manifest);
  const alert: NewAlert = {
    kind: "traveller",
    occasionKey: `${key}|${result.evidence?.fingerprint ?? evidenceFingerprint(evidenceOf(result.traveller))}`,
    subject: result.subject,
    matches: result.matches,
    ruleHits: result.ruleHits,
    cleared: result.cleared,
    context: {
      agency,
      flight: key,
      carrier: manifest.flight.carrier,
      flightNumber: manifest.flight.number,
      travellerRef: result.traveller.ref,
      role: result.traveller.role,
      itinerary: result.itinerary.segments.map((s) => `${s.from}-${s.to}`),
    },
    travellerId: ids.traveller,
    manifestId: ids.manifest,
  };
  if (result.evidence) alert.evidence = result.evidence;
  return alert;
}

/**
 * Screens a parsed manifest against the registry and stores it with its travellers and alerts in one
 * transaction, audited with the border-screening purpose. Returns the report with the queued alert ids.
 */
export async function screenManifestIntoStore(
  db: Db,
  manifest: Manifest,
  screener: Screener,
  context: SharingContext,
  source: string,
): Promise<ManifestReport> {
  const results = await screenTravellers(manifest.travellers, screener, manifest);
  const now = context.clock.now().toISOString();
  const manifestId = newId("man");
  const key = flightKey(manifest);
  const travellerIds = new Map(results.map((r) => [r.traveller.ref, newId("trv")]));
  const alertIds = await db.transaction(async (tx) => {
    await tx.insert(screenedManifests).values({
      id: manifestId,
      kind: manifest.kind,
      version: manifest.version ?? null,
      messageRef: manifest.messageRef ?? null,
      sender: manifest.sender ?? null,
      carrier: manifest.flight.carrier,
      flightNumber: manifest.flight.number,
      flightKey: key,
      legs: manifest.flight.legs,
      pnrs: manifest.pnrs ?? null,
      actor: context.actor.userId,
      receivedAt: now,
    });
    if (results.length) {
      await tx.insert(screenedTravellers).values(
        results.map((r) => ({
          id: travellerIds.get(r.traveller.ref) as string,
          manifestId,
          flightKey: key,
          ref: r.traveller.ref,
          role: r.traveller.role,
          name: r.traveller.fullName,
          birthDate: r.traveller.birthDate ?? null,
          nationality: r.traveller.nationality ?? null,
          documentNumber: r.subject.documentNumber ?? null,
          data: { ...r.traveller },
          createdAt: now,
        })),
      );
    }
    const alerted = results.filter((r) => r.alert);
    const stored = await createAlerts(
      tx,
      alerted.map((r) =>
        travellerAlert(
          r,
          manifest,
          { manifest: manifestId, traveller: travellerIds.get(r.traveller.ref) as string },
          context.actor.agencyId,
        ),
      ),
      context,
    );
    await appendAudit(
      tx,
      auditBody(context.actor, context.clock.now(), "screening.manifest", {
        purpose: "border-screening",
        source,
        manifest: manifestId,
        flight: key,
        travellers: results.length,
        alerts: stored.map((a) => a.id),
      }),
    );
    return new Map(alerted.map((r, i) => [r.traveller.ref, stored[i]?.id ?? ""]));
  });
  return manifestReport(manifest.flight, results, alertIds);
}

/** Parses a PAXLST or PNRGOV message and stores its screening; a message that does not parse writes nothing. */
export async function screenMessageIntoStore(
  db: Db,
  text: string,
  file: string,
  screener: Screener,
  context: SharingContext,
): Promise<ManifestReport> {
  return screenManifestIntoStore(db, parseTravelMessage(text, file), screener, context, file);
}

/** Screens one traveller in real time against the registry; audited with its purpose, nothing else stored. */
export async function screenTravellerInStore(
  db: Db,
  traveller: Traveller,
  screener: Screener,
  context: SharingContext,
  purpose: Purpose = "border-screening",
): Promise<TravellerResult> {
  const [result] = await screenTravellers([traveller], screener);
  if (!result) throw new Error("screening returned no result");
  // Real-time screenings arrive many at once: their entries are appended in groups (one head lock each).
  await appendAuditGrouped(
    db,
    auditBody(context.actor, context.clock.now(), "screening.traveller", {
      purpose,
      alert: result.alert,
      matches: result.matches.map((m) => m.entityId),
    }),
  );
  return result;
}
