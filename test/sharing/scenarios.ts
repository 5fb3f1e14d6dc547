/**
 * Random sharing worlds for the disclosure properties, shared by test/sharing/properties.test.ts (1,000
 * cases each) and bench/policy.bench.ts (10,000). Every property value is tagged with its property name,
 * so a value found in a presented object tells which property leaked.
 */
import fc from "fast-check";
import type { MatchResult } from "../../src/matching/types.ts";
import { HANDLING_CODES } from "../../src/model/entity.ts";
import { type DisclosureDecision, decideDisclosure, rank } from "../../src/sharing/policy.ts";
import {
  type MatchView,
  type PresentContext,
  presentMatch,
  presentMatches,
} from "../../src/sharing/present.ts";
import {
  AGENCY_TYPES,
  type Agency,
  type Arrangement,
  type Coalition,
  coalitionOf,
  DISCLOSURES,
  type FollowUpGrant,
  type Handling,
  PURPOSES,
  type Purpose,
  type RecipientParty,
  type RegistryEntity,
} from "../../src/sharing/types.ts";

export const NOW = new Date("2026-06-01T00:00:00Z");
const DAY = 86_400_000;
const COUNTRIES = ["NL", "DE"] as const;
/** Properties a summary may show (names, birth date, nationality, reason for listing), per the issue. */
export const SUMMARY_PROPERTIES = ["name", "alias", "birthDate", "nationality", "notes"];
/** Properties only a full view may show. */
export const FULL_ONLY_PROPERTIES = ["passportNumber", "idNumber", "address", "gender"];

export interface World {
  agencies: Agency[];
  coalition: Coalition;
  arrangements: Arrangement[];
}

export interface Scenario extends World {
  grants: FollowUpGrant[];
  viewer: Agency;
  purpose: Purpose;
  /** Person records, each with a passport and a sanction of its own. */
  records: Subject[];
}

export interface Subject {
  record: RegistryEntity;
  passport: RegistryEntity;
  sanction: RegistryEntity;
  match: MatchResult;
}

const dayOffset = (min: number, max: number) =>
  fc.integer({ min, max }).map((days) => new Date(NOW.getTime() + days * DAY).toISOString());
const tagged = (property: string) => fc.string({ minLength: 1, maxLength: 8 }).map((s) => `${property}:${s}`);

function worldArb(): fc.Arbitrary<World> {
  return fc
    .array(
      fc.record({
        country: fc.constantFrom(...COUNTRIES),
        type: fc.constantFrom(...AGENCY_TYPES),
        member: fc.nat(4).map((n) => n > 0),
      }),
      { minLength: 3, maxLength: 4 },
    )
    .chain((specs) => {
      const agencies: Agency[] = specs.map((s, i) => ({
        id: `ag${i}`,
        country: s.country,
        name: `Agency ${i}`,
        type: s.type,
      }));
      const ids = agencies.map((a) => a.id);
      const recipient: fc.Arbitrary<RecipientParty> = fc.oneof(
        fc.constantFrom(...ids).map((agency) => ({ agency })),
        fc.constantFrom(...COUNTRIES).map((country) => ({ country })),
        fc.subarray(ids).map((members) => ({ group: { id: "grp", name: "Group", members } })),
      );
      const arrangement = fc.record(
        {
          originator: fc.oneof(
            fc.constantFrom(...ids).map((agency) => ({ agency })),
            fc.constantFrom(...COUNTRIES).map((country) => ({ country })),
          ),
          recipient,
          disclosure: fc.constantFrom(...DISCLOSURES),
          purposes: fc.oneof(fc.constant([...PURPOSES]), fc.subarray([...PURPOSES], { minLength: 1 })),
          validFrom: dayOffset(-30, 2),
          validUntil: dayOffset(-2, 30),
        },
        { requiredKeys: ["originator", "recipient", "disclosure", "purposes", "validFrom"] },
      );
      return fc.record({
        agencies: fc.constant(agencies),
        coalition: fc.constant(coalitionOf(agencies.filter((_, i) => specs[i]?.member))),
        arrangements: fc
          .array(arrangement, { maxLength: 12 })
          .map((list) => list.map((a, i) => ({ id: `arr${i}`, ...a }))),
      });
    });
}

function entityArb(
  id: string,
  schema: string,
  properties: string[],
  originators: string[],
): fc.Arbitrary<RegistryEntity> {
  return fc.record({
    id: fc.constant(id),
    schema: fc.constant(schema),
    properties: fc.record(
      Object.fromEntries(properties.map((p) => [p, fc.array(tagged(p), { minLength: 1, maxLength: 2 })])),
    ),
    caption: tagged("name"),
    originator: fc.constantFrom(...originators),
    datasets: fc.constant([`dataset:${id}`]),
    handling: fc.constantFrom(...HANDLING_CODES),
    status: fc.constantFrom("active", "active", "delisted", "withdrawn"),
    listRef: tagged("listRef"),
    firstSeen: fc.constant("2026-01-01T00:00:00.000Z"),
    lastSeen: fc.constant("2026-02-01T00:00:00.000Z"),
    reviewBy: tagged("reviewBy"),
    retainUntil: tagged("retainUntil"),
    version: fc.integer({ min: 1, max: 9 }),
  });
}

function subjectArb(index: number, originators: string[]): fc.Arbitrary<Subject> {
  const id = `ent-${index}`;
  return fc
    .record({
      record: entityArb(id, "Person", [...SUMMARY_PROPERTIES, ...FULL_ONLY_PROPERTIES], originators),
      passport: entityArb(`${id}-passport`, "Passport", ["number", "holder"], originators),
      sanction: entityArb(`${id}-sanction`, "Sanction", ["reason", "program", "entity"], originators),
      score: fc.double({ min: 0, max: 1, noNaN: true }),
      alert: fc.boolean(),
    })
    .map(({ record, passport, sanction, score, alert }) => ({
      record,
      passport,
      sanction,
      match: {
        entityId: id,
        listRef: record.listRef,
        caption: record.caption,
        score,
        alert,
        explanation: [{ feature: "name", weight: 2.5, detail: `explanation:${record.caption}` }],
      },
    }));
}

export function scenarioArb(): fc.Arbitrary<Scenario> {
  return worldArb().chain((world) => {
    const ids = world.agencies.map((a) => a.id);
    return fc
      .record({
        viewer: fc.constantFrom(...world.agencies),
        purpose: fc.constantFrom(...PURPOSES),
        records: fc.tuple(subjectArb(0, ids), subjectArb(1, ids), subjectArb(2, ids)),
      })
      .chain((query) => {
        // Grants mostly for the viewer and these records, so that raising and expiry are exercised.
        const grant = fc.record({
          entityId: fc.constantFrom("ent-0", "ent-1", "ent-2", "ent-other"),
          requester: fc.oneof(fc.constant(query.viewer.id), fc.constantFrom(...ids)),
          level: fc.constantFrom(...DISCLOSURES),
          expires: dayOffset(-3, 3),
        });
        return fc.array(grant, { maxLength: 4 }).map((grants) => ({ ...world, ...query, grants }));
      });
  });
}

export function decide(
  s: World & Pick<Scenario, "grants" | "viewer" | "purpose">,
  record: RegistryEntity,
): DisclosureDecision {
  return decideDisclosure({ ...s, record, now: NOW });
}

export function contextFor(s: Scenario, subject: Subject): PresentContext {
  return {
    contact: `contact:${subject.record.originator}`,
    referenceKey: "test-reference-key",
    related: [subject.passport, subject.sanction].map((record) => ({ record, decision: decide(s, record) })),
  };
}

export function presentAll(s: Scenario, limit?: number): MatchView[] {
  const bySubject = new Map(s.records.map((subject) => [subject.record.id, subject]));
  const items = s.records.map(({ match, record }) => ({ match, record, decision: decide(s, record) }));
  // biome-ignore lint/style/noNonNullAssertion: every presented record comes from s.records
  return presentMatches(items, (record) => contextFor(s, bySubject.get(record.id)!), limit);
}

/** Every string in a presented object, keys excluded. */
export function stringLeaves(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringLeaves);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringLeaves);
  return [];
}

const HIT_KEYS = ["contact", "hit", "originator", "reference"];
const SUMMARY_KEYS = [
  ...HIT_KEYS,
  "birthDates",
  "disclosure",
  "handling",
  "names",
  "nationalities",
  "reasons",
  "schema",
];
const FULL_KEYS = [...HIT_KEYS, "disclosure", "documents", "entity", "relationships"];

/**
 * Checks one presented match against its decision, independently of the presenter: the exact key set of
 * each level, and that every string shown is one the level allows. Throws on the first violation.
 */
export function checkMatchView(s: Scenario, subject: Subject, view: MatchView | null): void {
  const { record, passport, sanction } = subject;
  const level = decide(s, record).level;
  const fail: (why: string) => never = (why) => {
    throw new Error(`${level} view ${why}: ${JSON.stringify(view)}`);
  };
  if (level === "none") {
    if (view !== null) fail("exists");
    return;
  }
  if (view === null) fail("is missing");
  const keys = Object.keys(view).sort();
  const leaves = stringLeaves(view);
  const own = [view.contact, view.originator, view.reference];
  if (view.originator !== record.originator || view.reference.includes(record.id))
    fail("has a wrong reference");
  if (level === "hit-no-hit") {
    if (keys.join() !== HIT_KEYS.join()) fail("has extra keys");
    if (leaves.some((leaf) => !own.includes(leaf))) fail("shows a value");
    return;
  }
  if (level === "summary") {
    if (keys.join() !== [...SUMMARY_KEYS, "score"].sort().join()) fail("has wrong keys");
    const sanctionShown = rank(decide(s, sanction).level) >= rank("summary");
    const allowed = new Set([
      ...own,
      "summary",
      record.schema,
      record.handling,
      ...SUMMARY_PROPERTIES.flatMap((p) => record.properties[p] ?? []),
      ...(sanctionShown ? (sanction.properties.reason ?? []) : []),
    ]);
    const shown = leaves.filter((leaf) => !allowed.has(leaf));
    if (shown.length > 0) fail(`shows ${shown.join(", ")}`);
    return;
  }
  if (
    keys.join() !== [...FULL_KEYS, "alert", "explanation", "score"].sort().join() ||
    !("documents" in view)
  ) {
    fail("has wrong keys");
  }
  for (const related of [passport, sanction]) {
    const relatedLevel = decide(s, related).level;
    const visible = relatedLevel === "full" || relatedLevel === "own";
    if (!visible && leaves.includes(related.id)) fail(`shows related ${related.id} at ${relatedLevel}`);
  }
  // A related record the viewer originated is shown whole, dates included; its values may equal the
  // record's by chance, so only what the view shows beyond the viewer's own records counts.
  const ownRelated = new Set(
    [passport, sanction].filter((r) => decide(s, r).level === "own").map((r) => r.id),
  );
  const sharedLeaves = stringLeaves({
    ...view,
    documents: view.documents.filter((d) => !ownRelated.has(d.id)),
    relationships: view.relationships.filter((r) => !ownRelated.has(r.id)),
  });
  const administration = [record.reviewBy, record.retainUntil];
  if (level === "full" && administration.some((a) => a !== undefined && sharedLeaves.includes(a))) {
    fail("shows the originator's review or retention date");
  }
  const missing = Object.values(record.properties)
    .flat()
    .filter((v) => !leaves.includes(v));
  if (missing.length > 0) fail(`lacks ${missing.join(", ")}`);
}

const NARROWER: Record<Handling, Handling | undefined> = {
  CLEAR: "GREEN",
  GREEN: "AMBER",
  AMBER: "AMBER+STRICT",
  "AMBER+STRICT": "RED",
  RED: undefined,
};

/** The properties every run checks, by name; each returns normally or throws. */
export const PROPERTIES: Record<string, fc.IProperty<[Scenario]>> = {
  "no agency receives a field beyond what the policy allows": fc.property(scenarioArb(), (s) => {
    for (const subject of s.records) {
      checkMatchView(
        s,
        subject,
        presentMatch(subject.match, subject.record, decide(s, subject.record), contextFor(s, subject)),
      );
    }
  }),
  "without an arrangement the answer equals an empty registry's": fc.property(scenarioArb(), (s) => {
    const noArrangement = { ...s, arrangements: [] };
    const views = presentAll(noArrangement);
    const own = s.records.filter((r) => r.record.originator === s.viewer.id).length;
    if (views.length !== own) throw new Error(`${views.length} views for ${own} own records`);
    const others = {
      ...noArrangement,
      records: s.records.filter((r) => r.record.originator !== s.viewer.id),
    };
    if (presentAll(others).length !== 0) throw new Error("another agency's record surfaced");
  }),
  "hidden records neither take places nor shorten a limited list": fc.property(scenarioArb(), (s) => {
    const visible = { ...s, records: s.records.filter((r) => decide(s, r.record).level !== "none") };
    for (const limit of [1, 2]) {
      if (JSON.stringify(presentAll(s, limit)) !== JSON.stringify(presentAll(visible, limit))) {
        throw new Error(`hidden record changed the list limited to ${limit}`);
      }
    }
  }),
  "RED and withdrawn records never leave the originator": fc.property(scenarioArb(), (s) => {
    for (const { record } of s.records) {
      if (record.originator === s.viewer.id) continue;
      for (const narrowed of [
        { ...record, handling: "RED" as const },
        { ...record, status: "withdrawn" as const },
      ]) {
        const { level } = decide(s, narrowed);
        if (level !== "none")
          throw new Error(`${narrowed.handling}/${narrowed.status} record disclosed as ${level}`);
      }
    }
  }),
  "every level rests on a named, valid arrangement for the purpose": fc.property(scenarioArb(), (s) => {
    for (const { record } of s.records) {
      const decision = decide(s, record);
      if ((decision.level === "own") !== (record.originator === s.viewer.id)) throw new Error("own mismatch");
      if (decision.level === "none" || decision.level === "own") continue;
      const arrangement = s.arrangements.find((a) => a.id === decision.arrangementId);
      if (!arrangement) throw new Error("level without an arrangement");
      const r = arrangement.recipient;
      const named =
        "agency" in r
          ? r.agency === s.viewer.id
          : "country" in r
            ? r.country === s.viewer.country
            : r.group.members.includes(s.viewer.id);
      const valid =
        Date.parse(arrangement.validFrom) <= NOW.getTime() &&
        !(arrangement.validUntil && Date.parse(arrangement.validUntil) <= NOW.getTime());
      if (!named || !valid || !arrangement.purposes.includes(s.purpose))
        throw new Error(`${arrangement.id} does not apply`);
      const granted = s.grants.some(
        (g) =>
          g.entityId === record.id &&
          g.requester === s.viewer.id &&
          g.level === decision.level &&
          Date.parse(g.expires) > NOW.getTime(),
      );
      if (decision.level !== arrangement.disclosure && !granted)
        throw new Error(`${decision.level} is neither arranged nor granted`);
      const reversed = decide({ ...s, arrangements: [...s.arrangements].reverse() }, record);
      if (JSON.stringify(reversed) !== JSON.stringify(decision))
        throw new Error("decision depends on arrangement order");
    }
  }),
  "narrowing handling, withdrawing or dropping an arrangement never discloses more": fc.property(
    scenarioArb(),
    (s) => {
      for (const { record } of s.records) {
        const before = rank(decide(s, record).level);
        const narrower = NARROWER[record.handling];
        const variants = [
          narrower ? decide(s, { ...record, handling: narrower }) : undefined,
          decide(s, { ...record, status: "withdrawn" }),
          ...s.arrangements.map((_, i) =>
            decide({ ...s, arrangements: s.arrangements.filter((_, j) => j !== i) }, record),
          ),
        ];
        const after = variants.filter((v) => v !== undefined).map((v) => rank(v.level));
        if (after.some((a) => a > before))
          throw new Error(`disclosure rose from ${before} to ${Math.max(...after)}`);
      }
    },
  ),
};
