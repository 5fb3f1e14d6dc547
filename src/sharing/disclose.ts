/**
 * The store-side choke point: takes what the registry or the matcher found, lets the policy decide each
 * record for the viewer, shapes it with the presenters, and in one transaction writes the audit entry,
 * remembers which agency was shown which reference, and tells originators about hits on their records.
 * Routes, CLI and screening call these and never filter on their own.
 */
import type { MatchResult } from "../matching/types.ts";
import type { RegistryEntity } from "../model/entity.ts";
import type { Clock } from "../platform/clock.ts";
import type { Db, DbOrTx, Tx } from "../platform/db.ts";
import { badInput, notFound } from "../platform/errors.ts";
import { entitiesReferringTo } from "../registry/refs.ts";
import { toRegistryEntity } from "../registry/rows.ts";
import type { JsonObject, JsonValue } from "./audit-chain.ts";
import { appendAuditGrouped, auditBody } from "./audit-log.ts";
import { notifyAll } from "./notifications.ts";
import { type DisclosureDecision, type DisclosureRequest, decideDisclosure } from "./policy.ts";
import {
  type EntityView,
  type MatchView,
  type PresentContext,
  presentEntity,
  presentMatches,
  type Related,
  referenceFor,
} from "./present.ts";
import { loadRecords } from "./record-loader.ts";
import { disclosures } from "./schema.ts";
import type { Actor, Agency, FollowUpGrant, Purpose } from "./types.ts";
import { loadGrants, loadPolicyWorld, type PolicyWorld } from "./world.ts";

export interface DiscloseOptions {
  /** The server secret behind opaque references (FTFX_REFERENCE_SECRET). */
  referenceKey: string;
  clock: Clock;
  /** What the audit entry calls the call, e.g. `match` or `screening.traveller`. */
  action?: string;
  /** The traveller or payment screened; passed to originators on a hit when the level is summary or more. */
  queryContext?: JsonObject;
  /** Results to return at most, applied after hidden matches are dropped. */
  limit?: number;
}

interface Decided {
  record: RegistryEntity;
  decision: DisclosureDecision;
}

/**
 * The matches a viewer may see, for the stated purpose, in the matcher's order. Every call is audited with
 * its purpose and every decision (hidden ones too); originators of shown records get a hit notification.
 */
export async function discloseMatches(
  db: Db,
  actor: Actor,
  purpose: Purpose,
  results: readonly MatchResult[],
  options: DiscloseOptions,
): Promise<MatchView[]> {
  const now = options.clock.now();
  const action = options.action ?? "match";
  // Nothing found: nothing to decide, but the query and its purpose are audited all the same.
  if (results.length === 0) {
    await appendAuditGrouped(db, auditBody(actor, now, action, { purpose, results: [] }));
    return [];
  }
  const records = await loadRecords(
    db,
    results.map((r) => r.entityId),
  );
  const decider = await deciderFor(db, actor, purpose, [...records.keys()], now);
  const items = results.flatMap((match) => {
    const record = records.get(match.entityId);
    return record ? [{ match, record, decision: belowAlert(match, decider.decide(record)) }] : [];
  });
  const related = await relatedFor(db, items, decider.decide);
  const views = presentMatches(
    items,
    (record) => decider.contextFor(record, related.get(record.id) ?? [], options.referenceKey),
    options.limit,
  );
  const shown = items.filter((i) => i.decision.level !== "none").slice(0, views.length);
  await appendAuditGrouped(
    db,
    auditBody(actor, now, action, {
      purpose,
      results: items.map(({ record, decision }) => decisionEntry(record, decision)),
    }),
    (tx) => recordDisclosures(tx, actor, shown, options, now, "hit", purpose),
  );
  return views;
}

/**
 * One record as the viewer may see it for the purpose, or null when it does not exist for the viewer
 * (missing, hidden and withdrawn look the same). Audited as a read.
 */
export async function discloseEntity(
  db: Db,
  actor: Actor,
  purpose: Purpose,
  entityId: string,
  options: DiscloseOptions,
): Promise<EntityView | null> {
  const now = options.clock.now();
  const record = (await loadRecords(db, [entityId])).get(entityId);
  const decider = await deciderFor(db, actor, purpose, record ? [record.id] : [], now);
  const decision = record ? decider.decide(record) : { level: "none" as const, reason: "no such record" };
  let view: EntityView | null = null;
  if (record) {
    const related = await relatedFor(db, [{ record, decision }], decider.decide);
    view = presentEntity(
      record,
      decision,
      decider.contextFor(record, related.get(record.id) ?? [], options.referenceKey),
    );
  }
  const decided = record && view ? [{ record, decision }] : [];
  await appendAuditGrouped(
    db,
    auditBody(actor, now, options.action ?? "record.read", {
      purpose,
      subject: entityId,
      decision: record ? decisionEntry(record, decision) : { level: "none", reason: "no such record" },
    }),
    (tx) => recordDisclosures(tx, actor, decided, options, now, "read", purpose),
  );
  return view;
}

/**
 * Another agency learns of a record only through a hit: a candidate below the alert threshold is no hit,
 * so showing it (even as hit/no-hit) would let partners fish for who is registered. Own records show all.
 */
function belowAlert(match: MatchResult, decision: DisclosureDecision): DisclosureDecision {
  if (match.alert || decision.level === "own" || decision.level === "none") return decision;
  return { level: "none", reason: `score ${match.score.toFixed(3)} is below the alert threshold` };
}

/** The viewer as the policy knows it; an agency missing from the store (the local operator) is outside the coalition. */
function viewerOf(world: PolicyWorld, agencyId: string): Agency {
  return world.agencies.get(agencyId) ?? { id: agencyId, country: "", name: agencyId, type: "secretariat" };
}

/** The policy's decision for each record, for one viewer and purpose at one moment (world and grants read once). */
export async function deciderFor(db: DbOrTx, actor: Actor, purpose: Purpose, entityIds: string[], now: Date) {
  const world = await loadPolicyWorld(db);
  const viewer = viewerOf(world, actor.agencyId);
  const grants: FollowUpGrant[] = await loadGrants(db, viewer.id, entityIds, now);
  const decide = (record: DisclosureRequest["record"]): DisclosureDecision =>
    decideDisclosure({
      viewer,
      purpose,
      record,
      arrangements: world.arrangements,
      grants,
      now,
      coalition: world.coalition,
    });
  return {
    decide,
    contextFor(record: RegistryEntity, related: Related[], referenceKey: string): PresentContext {
      const originator = world.agencies.get(record.originator);
      return { contact: originator?.contact ?? record.originator, referenceKey, related };
    },
  };
}

/** Passports, sanctions and links pointing at records shown at summary or more, each with its own decision. */
async function relatedFor(
  db: DbOrTx,
  items: readonly Decided[],
  decide: (record: RegistryEntity) => DisclosureDecision,
): Promise<Map<string, Related[]>> {
  const ids = items
    .filter((i) => ["summary", "full", "own"].includes(i.decision.level))
    .map((i) => i.record.id);
  const found = new Map<string, Related[]>();
  // The registry's reference table (entity_refs) answers which records point at these.
  for (const { row, refIds } of await entitiesReferringTo(db, ids)) {
    const record = toRegistryEntity(row);
    const decision = decide(record);
    for (const target of refIds) found.set(target, [...(found.get(target) ?? []), { record, decision }]);
  }
  return found;
}

function decisionEntry(record: RegistryEntity, decision: DisclosureDecision): JsonObject {
  return {
    entityId: record.id,
    originator: record.originator,
    level: decision.level,
    arrangementId: decision.arrangementId ?? null,
    reason: decision.reason,
  };
}

/** Remembers the reference each agency was shown and tells the originator, for records of other agencies. */
async function recordDisclosures(
  tx: Tx,
  actor: Actor,
  shown: readonly Decided[],
  options: DiscloseOptions,
  now: Date,
  how: "hit" | "read",
  purpose: Purpose,
): Promise<void> {
  const others = shown.filter(({ decision }) => decision.level !== "own" && decision.level !== "none");
  if (others.length === 0) return;
  const at = now.toISOString();
  const shownRows = others.map(({ record }) => ({
    entityId: record.id,
    agencyId: actor.agencyId,
    reference: referenceFor(record.id, options.referenceKey),
    firstAt: at,
  }));
  await tx.insert(disclosures).values(shownRows).onConflictDoNothing();
  if (how !== "hit") return;
  await notifyAll(
    tx,
    others.map(({ record, decision }, i) => {
      const body: { [key: string]: JsonValue } = {
        entityId: record.id,
        reference: shownRows[i]?.reference ?? "",
        by: { agencyId: actor.agencyId, userId: actor.userId },
        purpose,
        at,
        level: decision.level,
      };
      if (options.queryContext && decision.level !== "hit-no-hit") body.context = options.queryContext;
      return { agencyId: record.originator, kind: "hit", body };
    }),
    now,
  );
}

/**
 * What GET /entities/:id answers a keyed caller: its own record whole; another agency's record only as
 * the policy allows for the stated purpose; otherwise not found, worded as for a missing id.
 */
export async function readEntityAs(
  db: Db,
  actor: Actor,
  purpose: Purpose | undefined,
  entityId: string,
  options: DiscloseOptions,
): Promise<RegistryEntity | EntityView> {
  const record = (await loadRecords(db, [entityId])).get(entityId);
  if (record && record.originator === actor.agencyId) return record;
  if (!purpose) throw badInput("reading another agency's record needs a purpose", "purpose");
  const view = await discloseEntity(db, actor, purpose, entityId, options);
  if (!view) throw notFound(`no entity with id ${entityId}`);
  return view;
}
