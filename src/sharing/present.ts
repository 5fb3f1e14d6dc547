/**
 * The presenters: the only code that shapes a record or a match for another agency, from a policy decision.
 * A `none` decision yields nothing at all, so a hidden record and a missing record look the same.
 */
import { createHmac } from "node:crypto";
import type { Evidence, MatchResult } from "../matching/types.ts";
import { FtfxError } from "../platform/errors.ts";
import type { DisclosureDecision } from "./policy.ts";
import type { Agency, Arrangement, Handling, RecipientGroup, RegistryEntity } from "./types.ts";

/** A record related to the presented one (passport, sanction, family link), with its own decision. */
export interface Related {
  record: RegistryEntity;
  decision: DisclosureDecision;
}

export interface PresentContext {
  /** Whom to ask at the originator (desk e-mail or phone). */
  contact: string;
  /** Server secret that keys the opaque references; changing it changes every reference. */
  referenceKey: string;
  related?: readonly Related[];
}

/** Hit/no-hit: that there is a hit, a reference to quote, and whom to ask. Nothing else. */
export interface HitNoHit {
  hit: true;
  reference: string;
  originator: string;
  contact: string;
}

export interface SummaryView extends HitNoHit {
  disclosure: "summary";
  schema: string;
  names: string[];
  birthDates: string[];
  nationalities: string[];
  handling: Handling;
  /** Reason for listing: the record's notes and the reasons of its sanctions. */
  reasons: string[];
}

export interface FullView extends HitNoHit {
  disclosure: "full" | "own";
  /** The whole record; the originator's review and retention dates only for `own`. */
  entity: RegistryEntity;
  documents: RegistryEntity[];
  relationships: RegistryEntity[];
}

export type EntityView = HitNoHit | SummaryView | FullView;

export type MatchView =
  | HitNoHit
  | (SummaryView & { score: number })
  | (FullView & { score: number; alert: boolean; explanation: Evidence[] });

const NAME_PROPERTIES = [
  "name",
  "alias",
  "weakAlias",
  "previousName",
  "firstName",
  "secondName",
  "middleName",
  "lastName",
  "fatherName",
];
const NATIONALITY_PROPERTIES = ["nationality", "citizenship"];
const DOCUMENT_SCHEMATA = new Set(["Identification", "Passport"]);

/**
 * The per-record reference shown instead of the entity id. Entity ids of imported records derive from
 * public list references, so showing them would reveal which listed person hit; a keyed HMAC does not.
 */
export function referenceFor(entityId: string, referenceKey: string): string {
  return `ref_${createHmac("sha256", referenceKey).update(entityId).digest("hex").slice(0, 24)}`;
}

export function presentEntity(
  record: RegistryEntity,
  decision: DisclosureDecision,
  context: PresentContext,
): EntityView | null {
  const hit: HitNoHit = {
    hit: true,
    reference: referenceFor(record.id, context.referenceKey),
    originator: record.originator,
    contact: context.contact,
  };
  switch (decision.level) {
    case "none":
      return null;
    case "hit-no-hit":
      return hit;
    case "summary":
      return { ...hit, disclosure: "summary", ...summaryOf(record, context.related ?? []) };
    case "full":
    case "own":
      return { ...hit, disclosure: decision.level, ...fullOf(record, decision.level, context.related ?? []) };
  }
}

export function presentMatch(
  match: MatchResult,
  record: RegistryEntity,
  decision: DisclosureDecision,
  context: PresentContext,
): MatchView | null {
  if (match.entityId !== record.id) {
    throw new FtfxError("internal", `match for ${match.entityId} presented with record ${record.id}`);
  }
  const view = presentEntity(record, decision, context);
  if (!view || !("disclosure" in view)) return view;
  if (view.disclosure === "summary") return { ...view, score: match.score };
  return { ...view, score: match.score, alert: match.alert, explanation: match.explanation };
}

/**
 * A result list for one viewer: hidden matches dropped, the engine's order kept, and the limit applied
 * after dropping, so hidden records neither take places nor shorten the list.
 */
export function presentMatches(
  items: readonly { match: MatchResult; record: RegistryEntity; decision: DisclosureDecision }[],
  context: (record: RegistryEntity) => PresentContext,
  limit = Number.POSITIVE_INFINITY,
): MatchView[] {
  const views: MatchView[] = [];
  for (const { match, record, decision } of items) {
    if (views.length >= limit) break;
    const view = presentMatch(match, record, decision, context(record));
    if (view) views.push(view);
  }
  return views;
}

/** An arrangement as shown to an agency; a recipient group may come without its member list. */
export type ArrangementView = Omit<Arrangement, "recipient"> & {
  recipient:
    | Exclude<Arrangement["recipient"], { group: unknown }>
    | { group: Pick<RecipientGroup, "id" | "name"> };
};

/** An arrangement as a viewer sees it: a recipient group's members only for the originator side. */
export function presentArrangement(arrangement: Arrangement, viewer: Agency): ArrangementView {
  const { recipient, originator } = arrangement;
  if (!("group" in recipient)) return arrangement;
  const isOriginatorSide =
    "agency" in originator ? originator.agency === viewer.id : originator.country === viewer.country;
  if (isOriginatorSide) return arrangement;
  return { ...arrangement, recipient: { group: { id: recipient.group.id, name: recipient.group.name } } };
}

function summaryOf(record: RegistryEntity, related: readonly Related[]) {
  const sanctions = related.filter(
    (r) => r.record.schema === "Sanction" && ["summary", "full", "own"].includes(r.decision.level),
  );
  return {
    schema: record.schema,
    names: valuesOf(record, NAME_PROPERTIES),
    birthDates: valuesOf(record, ["birthDate"]),
    nationalities: valuesOf(record, NATIONALITY_PROPERTIES),
    handling: record.handling,
    reasons: unique([
      ...valuesOf(record, ["notes"]),
      ...sanctions.flatMap((s) => valuesOf(s.record, ["reason"])),
    ]),
  };
}

function fullOf(record: RegistryEntity, level: "full" | "own", related: readonly Related[]) {
  const shown = related.filter((r) => r.decision.level === "full" || r.decision.level === "own");
  return {
    entity: level === "own" ? record : withoutAdministration(record),
    documents: shown.filter((r) => DOCUMENT_SCHEMATA.has(r.record.schema)).map((r) => viewOf(r)),
    relationships: shown.filter((r) => !DOCUMENT_SCHEMATA.has(r.record.schema)).map((r) => viewOf(r)),
  };
}

function viewOf({ record, decision }: Related): RegistryEntity {
  return decision.level === "own" ? record : withoutAdministration(record);
}

/** Review and retention dates are the originator's housekeeping, not part of what is shared. */
function withoutAdministration(record: RegistryEntity): RegistryEntity {
  const { reviewBy: _reviewBy, retainUntil: _retainUntil, ...shared } = record;
  return shared;
}

function valuesOf(record: RegistryEntity, properties: readonly string[]): string[] {
  return unique(properties.flatMap((p) => record.properties[p] ?? []));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
