import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Manifest, Pnr, PnrSegment, Traveller } from "../../src/formats/travel-types.ts";
import { MatchIndex } from "../../src/matching/index.ts";
import { profileFromEntities } from "../../src/matching/profile.ts";
import { distanceKm, packageLocator, tableLocator } from "../../src/screening/airports.ts";
import { memoryDocumentLookup } from "../../src/screening/documents.ts";
import { evaluateRules } from "../../src/screening/evaluate.ts";
import { itineraryFor } from "../../src/screening/itinerary.ts";
import { DEFAULT_RULES, parseRule, type Rule } from "../../src/screening/rules.ts";
import { screenTravellers } from "../../src/screening/screen.ts";

/** Synthetic travellers and bookings, crafted so each rule has one case that hits and one that does not. */
const AIRPORTS = tableLocator({
  LHR: { latitude: 51.47, longitude: -0.46 },
  IST: { latitude: 41.26, longitude: 28.74 },
  GZT: { latitude: 36.95, longitude: 37.48 },
  ADA: { latitude: 36.98, longitude: 35.28 },
  CDG: { latitude: 49.01, longitude: 2.55 },
  JFK: { latitude: 40.64, longitude: -73.78 },
});

const rule = (id: string): Rule => {
  const found = DEFAULT_RULES.find((r) => r.id === id);
  assert.ok(found, id);
  return found;
};

function traveller(ref: string, name: string, extra: Partial<Traveller> = {}): Traveller {
  const [given = "", surname = ""] = name.split(" ");
  return { ref, role: "passenger", surname, givenNames: given, fullName: name, documents: [], ...extra };
}

const segment = (from: string, to: string, departureTime: string, arrivalTime?: string): PnrSegment => ({
  marketingCarrier: "XX",
  flightNumber: String(100 + from.charCodeAt(0)),
  departure: from,
  arrival: to,
  departureTime,
  ...(arrivalTime ? { arrivalTime } : {}),
});

function pnrManifest(
  segments: PnrSegment[],
  pnr: Partial<Pnr> = {},
  travellers = [traveller("ABC123/1", "SYNTH ONE")],
): Manifest {
  const first = segments[0];
  return {
    kind: "pnrgov",
    flight: {
      carrier: "XX",
      number: first?.flightNumber ?? "1",
      legs: [{ departure: first?.departure ?? "", arrival: first?.arrival ?? "" }],
    },
    travellers,
    pnrs: [
      {
        bookingRef: "ABC123",
        contacts: [],
        segments,
        travellers: travellers.map((t) => t.ref),
        ssrDocs: [],
        visas: [],
        seats: [],
        ...pnr,
      },
    ],
  };
}

function hits(id: string, manifest: Manifest, coTravellerMatches: string[] = []) {
  const subject = manifest.travellers[0];
  assert.ok(subject);
  return evaluateRules(
    [rule(id)],
    { itinerary: itineraryFor(manifest, subject), coTravellerMatches },
    { airports: AIRPORTS },
  );
}

const ROUND_TRIP = [segment("LHR", "CDG", "2026-03-01T10:00"), segment("CDG", "LHR", "2026-03-08T10:00")];

describe("default rules on crafted bookings", () => {
  it("near-conflict-zone: Gaziantep hits, Paris does not; the detail names airport, zone and distance", () => {
    const [hit] = hits("near-conflict-zone", pnrManifest([segment("LHR", "GZT", "2026-03-01T10:00")]));
    assert.equal(hit?.severity, "high");
    assert.match(hit?.detail ?? "", /GZT \(Syria–Turkey border region, \d+ km\)/);
    assert.deepEqual(hits("near-conflict-zone", pnrManifest(ROUND_TRIP)), []);
  });

  it("via-transit-hub: Istanbul hits as low", () => {
    const [hit] = hits("via-transit-hub", pnrManifest([segment("LHR", "IST", "2026-03-01T10:00")]));
    assert.equal(hit?.severity, "low");
    assert.match(hit?.detail ?? "", /IST \(Istanbul/);
    assert.deepEqual(hits("via-transit-hub", pnrManifest(ROUND_TRIP)), []);
  });

  it("one-way-ticket: a booking that never returns hits; a round trip does not; a PAXLST leg alone never does", () => {
    assert.equal(hits("one-way-ticket", pnrManifest([segment("LHR", "IST", "2026-03-01T10:00")])).length, 1);
    assert.deepEqual(hits("one-way-ticket", pnrManifest(ROUND_TRIP)), []);
    const paxlst: Manifest = {
      kind: "paxlst",
      flight: { carrier: "XX", number: "1", legs: [{ departure: "LHR", arrival: "IST" }] },
      travellers: [traveller("1", "SYNTH ONE")],
    };
    assert.deepEqual(hits("one-way-ticket", paxlst), []);
  });

  it("late-booking: 5 hours before departure hits; 3 days does not; a booking date without time counts from its start", () => {
    const flight = [segment("LHR", "CDG", "2026-03-01T10:00")];
    assert.equal(hits("late-booking", pnrManifest(flight, { bookingDate: "2026-03-01T05:00" })).length, 1);
    assert.equal(hits("late-booking", pnrManifest(flight, { bookingDate: "2026-03-01" })).length, 1);
    assert.deepEqual(hits("late-booking", pnrManifest(flight, { bookingDate: "2026-02-26T10:00" })), []);
    assert.deepEqual(hits("late-booking", pnrManifest(flight, { bookingDate: "2026-02-28" })), []);
  });

  it("cash-payment: FOP CA hits, a card does not", () => {
    const [hit] = hits("cash-payment", pnrManifest(ROUND_TRIP, { formOfPayment: ["CC", "CA"] }));
    assert.equal(hit?.detail, "paid with CA");
    assert.deepEqual(hits("cash-payment", pnrManifest(ROUND_TRIP, { formOfPayment: ["CC"] })), []);
  });

  it("broken-journey-at-hub: continuing from another airport or staying 3 days at a hub hits; a same-day connection does not", () => {
    const surface = [
      segment("LHR", "IST", "2026-03-01T10:00", "2026-03-01T16:00"),
      segment("SAW", "GZT", "2026-03-02T09:00"),
    ];
    assert.match(hits("broken-journey-at-hub", pnrManifest(surface))[0]?.detail ?? "", /continues from SAW/);
    const stay = [
      segment("LHR", "IST", "2026-03-01T10:00", "2026-03-01T16:00"),
      segment("IST", "GZT", "2026-03-04T09:00"),
    ];
    assert.match(hits("broken-journey-at-hub", pnrManifest(stay))[0]?.detail ?? "", /stops 65 h at IST/);
    const connection = [
      segment("LHR", "IST", "2026-03-01T10:00", "2026-03-01T16:00"),
      segment("IST", "GZT", "2026-03-01T19:00"),
    ];
    assert.deepEqual(hits("broken-journey-at-hub", pnrManifest(connection)), []);
  });

  it("co-traveller-of-subject: a companion of a watchlist match on the same PNR hits; another PNR does not", async () => {
    const subject = {
      id: "synthetic-subject",
      schema: "Person",
      datasets: ["synthetic"],
      properties: { name: ["Zebulon Quartermaine"], birthDate: ["1980-04-04"] },
    };
    const screener = {
      index: new MatchIndex(profileFromEntities([subject])),
      documents: memoryDocumentLookup([]),
      rules: [rule("co-traveller-of-subject")],
      airports: AIRPORTS,
    };
    const travellers = [
      traveller("ABC123/1", "ZEBULON QUARTERMAINE", { birthDate: "1980-04-04" }),
      traveller("ABC123/2", "PLAIN COMPANION"),
    ];
    const manifest = pnrManifest(ROUND_TRIP, {}, travellers);
    const [own, companion] = await screenTravellers(travellers, screener, manifest);
    assert.equal(own?.matches[0]?.entityId, "synthetic-subject");
    assert.deepEqual(own?.ruleHits, []);
    assert.match(companion?.ruleHits[0]?.detail ?? "", /on PNR ABC123 with ZEBULON QUARTERMAINE/);
    const alone = await screenTravellers(
      [traveller("Z/1", "PLAIN COMPANION")],
      screener,
      pnrManifest(ROUND_TRIP, { bookingRef: "Z" }, [traveller("Z/1", "PLAIN COMPANION")]),
    );
    assert.deepEqual(alone[0]?.ruleHits, []);
  });

  it("registered-document: a document number registered as a Passport is a critical hit and an alert", async () => {
    const passport = {
      id: "synthetic-passport",
      schema: "Passport",
      datasets: ["synthetic"],
      properties: { number: ["X 1234-567"], country: ["gb"] },
    };
    const screener = {
      index: new MatchIndex([]),
      documents: memoryDocumentLookup([passport]),
      rules: [],
      airports: AIRPORTS,
    };
    const carrying = traveller("1", "ANY BODY", { documents: [{ number: "X1234567", type: "P" }] });
    const other = traveller("2", "SOME ONE", { documents: [{ number: "X1234568", type: "P" }] });
    const [hit, miss] = await screenTravellers([carrying, other], screener);
    assert.equal(hit?.alert, true);
    assert.deepEqual(
      hit?.ruleHits.map((h) => [h.ruleId, h.severity]),
      [["registered-document", "critical"]],
    );
    assert.equal(miss?.alert, false);
  });

  it("low and medium rule hits alone do not raise an alert; high ones do", async () => {
    const screener = {
      index: new MatchIndex([]),
      documents: memoryDocumentLookup([]),
      rules: DEFAULT_RULES,
      airports: AIRPORTS,
    };
    const cash = pnrManifest([segment("LHR", "CDG", "2026-03-01T10:00")], { formOfPayment: ["CA"] });
    const [quiet] = await screenTravellers(cash.travellers, screener, cash);
    assert.deepEqual(quiet?.ruleHits.map((h) => h.ruleId).sort(), ["cash-payment", "one-way-ticket"]);
    assert.equal(quiet?.alert, false);
    const zone = pnrManifest([segment("LHR", "GZT", "2026-03-01T10:00")]);
    const [loud] = await screenTravellers(zone.travellers, screener, zone);
    assert.equal(loud?.alert, true);
  });
});

describe("rules as data", () => {
  it("every default rule parses; a bad parameter is refused naming the field", () => {
    for (const r of DEFAULT_RULES) assert.deepEqual(parseRule(r, r.id), r);
    assert.throws(
      () => parseRule({ ...rule("late-booking"), parameters: { hours: -1 } }, "rule"),
      /rule\.parameters\.hours/,
    );
    assert.throws(() => parseRule({ ...rule("late-booking"), kind: "nonsense" }, "rule"), /rule\.kind/);
  });
});

describe("airports", () => {
  it("the package knows the default zones' airports, and the distances agree with the table", () => {
    for (const code of ["IST", "SAW", "GZT", "ADA", "LHR"]) assert.ok(packageLocator(code), code);
    const lhr = packageLocator("LHR");
    const jfk = packageLocator("JFK");
    assert.ok(lhr && jfk);
    // London Heathrow–New York JFK is about 5,540 km by great circle.
    assert.ok(Math.abs(distanceKm(lhr, jfk) - 5540) < 30);
    assert.equal(packageLocator("QQQ"), undefined);
  });
});
