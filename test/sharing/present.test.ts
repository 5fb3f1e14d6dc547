import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { MatchResult } from "../../src/matching/types.ts";
import type { DisclosureDecision, DisclosureLevel } from "../../src/sharing/policy.ts";
import {
  type PresentContext,
  presentArrangement,
  presentEntity,
  presentMatch,
  presentMatches,
  referenceFor,
} from "../../src/sharing/present.ts";
import type { Agency, Arrangement, RegistryEntity } from "../../src/sharing/types.ts";

function entity(id: string, schema: string, properties: Record<string, string[]>): RegistryEntity {
  return {
    id,
    schema,
    properties,
    caption: properties.name?.[0] ?? id,
    originator: "de-bka",
    datasets: ["demo-synthetic"],
    handling: "AMBER",
    status: "active",
    listRef: "QDi.999",
    firstSeen: "2026-01-01T00:00:00.000Z",
    lastSeen: "2026-01-01T00:00:00.000Z",
    reviewBy: "2027-01-01T00:00:00.000Z",
    retainUntil: "2036-01-01T00:00:00.000Z",
    version: 3,
  };
}

// Synthetic person, not a real listing.
const person = entity("un-acc1d", "Person", {
  name: ["Karim Synthetic"],
  alias: ["Abu Synthetic"],
  birthDate: ["1990-04-02"],
  nationality: ["sy"],
  passportNumber: ["N1234567"],
  address: ["1 Example Street"],
  notes: ["Synthetic: travelled to a conflict zone"],
});
const passport = entity("un-acc1d-pp", "Passport", { number: ["N1234567"], holder: ["un-acc1d"] });
const sanction = entity("un-acc1d-sanction", "Sanction", {
  reason: ["Synthetic: recruiter"],
  entity: ["un-acc1d"],
});
const decided = (level: DisclosureLevel): DisclosureDecision => ({ level, reason: "test" });
const context = (related: PresentContext["related"] = []): PresentContext => ({
  contact: "desk@bka.example",
  referenceKey: "k1",
  related,
});
const match: MatchResult = {
  entityId: person.id,
  caption: "Karim Synthetic",
  score: 0.93,
  alert: true,
  explanation: [{ feature: "name", weight: 3.1, detail: "karim synthetic = karim synthetic" }],
};

describe("presentEntity", () => {
  test("none presents nothing", () => {
    assert.equal(presentEntity(person, decided("none"), context()), null);
  });

  test("hit-no-hit is exactly hit, reference, originator and contact", () => {
    assert.deepEqual(presentEntity(person, decided("hit-no-hit"), context()), {
      hit: true,
      reference: referenceFor(person.id, "k1"),
      originator: "de-bka",
      contact: "desk@bka.example",
    });
  });

  test("the reference is stable per record and key, and does not contain the entity id", () => {
    const reference = referenceFor(person.id, "k1");
    assert.match(reference, /^ref_[0-9a-f]{24}$/);
    assert.equal(referenceFor(person.id, "k1"), reference);
    assert.notEqual(referenceFor(person.id, "k2"), reference);
    assert.notEqual(referenceFor(passport.id, "k1"), reference);
    assert.ok(!reference.includes(person.id));
  });

  test("summary shows names, birth date, nationality, handling and the reasons for listing — no more", () => {
    const related = [
      { record: sanction, decision: decided("summary") },
      { record: passport, decision: decided("full") },
    ];
    const view = presentEntity(person, decided("summary"), context(related));
    assert.deepEqual(view, {
      hit: true,
      reference: referenceFor(person.id, "k1"),
      originator: "de-bka",
      contact: "desk@bka.example",
      disclosure: "summary",
      schema: "Person",
      names: ["Karim Synthetic", "Abu Synthetic"],
      birthDates: ["1990-04-02"],
      nationalities: ["sy"],
      handling: "AMBER",
      reasons: ["Synthetic: travelled to a conflict zone", "Synthetic: recruiter"],
    });
  });

  test("summary leaves out the reasons of a sanction the viewer may not see", () => {
    const view = presentEntity(
      person,
      decided("summary"),
      context([{ record: sanction, decision: decided("none") }]),
    );
    assert.ok(view && "reasons" in view);
    assert.deepEqual(view.reasons, ["Synthetic: travelled to a conflict zone"]);
  });

  test("full shows the record, and only those related records the viewer may fully see", () => {
    const related = [
      { record: passport, decision: decided("full") },
      { record: sanction, decision: decided("summary") },
    ];
    const view = presentEntity(person, decided("full"), context(related));
    assert.ok(view && "entity" in view);
    assert.equal(view.disclosure, "full");
    assert.deepEqual(view.entity.properties, person.properties);
    assert.equal(view.entity.listRef, "QDi.999");
    assert.deepEqual(
      view.documents.map((d) => d.id),
      [passport.id],
    );
    assert.deepEqual(view.relationships, []);
  });

  test("review and retention dates are for the originator only", () => {
    const full = presentEntity(person, decided("full"), context());
    const own = presentEntity(person, decided("own"), context());
    assert.ok(full && "entity" in full && own && "entity" in own);
    assert.equal(full.entity.reviewBy, undefined);
    assert.equal(full.entity.retainUntil, undefined);
    assert.equal(own.entity.reviewBy, person.reviewBy);
    assert.equal(own.entity.retainUntil, person.retainUntil);
  });
});

describe("presentMatch", () => {
  test("hit-no-hit carries no score, names or explanation", () => {
    const view = presentMatch(match, person, decided("hit-no-hit"), context());
    assert.deepEqual(Object.keys(view ?? {}).sort(), ["contact", "hit", "originator", "reference"]);
  });

  test("summary adds the score only; full adds score, alert and the explanation", () => {
    const summary = presentMatch(match, person, decided("summary"), context());
    assert.ok(summary && "score" in summary);
    assert.equal(summary.score, 0.93);
    assert.ok(!("explanation" in summary));
    const full = presentMatch(match, person, decided("full"), context());
    assert.ok(full && "explanation" in full);
    assert.deepEqual([full.score, full.alert, full.explanation], [0.93, true, match.explanation]);
  });

  test("a match paired with the wrong record is refused", () => {
    assert.throws(() => presentMatch(match, passport, decided("full"), context()), /presented with record/);
  });
});

describe("presentMatches", () => {
  const other = entity("un-b0b", "Person", { name: ["Other Synthetic"] });
  const third = entity("un-c0c", "Person", { name: ["Third Synthetic"] });
  const item = (record: RegistryEntity, level: DisclosureLevel, score: number) => ({
    match: { ...match, entityId: record.id, score },
    record,
    decision: decided(level),
  });

  test("drops hidden matches, keeps the engine's order and applies the limit afterwards", () => {
    const items = [item(person, "none", 0.99), item(other, "summary", 0.9), item(third, "hit-no-hit", 0.8)];
    const views = presentMatches(items, () => context(), 2);
    assert.deepEqual(
      views.map((v) => v.reference),
      [referenceFor(other.id, "k1"), referenceFor(third.id, "k1")],
    );
    assert.deepEqual(
      presentMatches(items, () => context(), 2),
      presentMatches(items.slice(1), () => context(), 2),
    );
  });

  test("a viewer who may see nothing gets the answer for an empty registry", () => {
    const hidden = [item(person, "none", 0.99), item(other, "none", 0.9)];
    assert.deepEqual(
      presentMatches(hidden, () => context()),
      presentMatches([], () => context()),
    );
  });
});

describe("presentArrangement", () => {
  const bka: Agency = { id: "de-bka", country: "DE", name: "BKA", type: "police" };
  const kmar: Agency = { id: "nl-kmar", country: "NL", name: "KMar", type: "border" };
  const toGroup: Arrangement = {
    id: "arr-1",
    originator: { country: "DE" },
    recipient: { group: { id: "grp-1", name: "Benelux border", members: ["nl-kmar", "be-pol"] } },
    disclosure: "hit-no-hit",
    purposes: ["border-screening"],
    validFrom: "2026-01-01T00:00:00Z",
  };

  test("the originator side sees the group's members; a member does not", () => {
    assert.deepEqual(presentArrangement(toGroup, bka), toGroup);
    assert.deepEqual(presentArrangement(toGroup, kmar).recipient, {
      group: { id: "grp-1", name: "Benelux border" },
    });
  });

  test("arrangements with one agency or country as recipient are shown as they are", () => {
    const toAgency = { ...toGroup, recipient: { agency: "nl-kmar" } };
    assert.deepEqual(presentArrangement(toAgency, kmar), toAgency);
  });
});
