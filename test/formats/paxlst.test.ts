import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import fc from "fast-check";
import { parsePaxlst } from "../../src/formats/paxlst.ts";
import type { Manifest } from "../../src/formats/travel-types.ts";
import { isFtfxError } from "../../src/platform/errors.ts";
import { dataPath } from "../support/data.ts";

const read = (name: string) => readFileSync(dataPath(`travel-messages/paxlst/${name}`), "utf8");

/** The separators a raw file declares, read here independently of the tokenizer. */
function separatorsOf(raw: string): { element: string; terminator: string } {
  const text = raw.trimStart();
  return text.startsWith("UNA")
    ? { element: text[4] ?? "+", terminator: text[8] ?? "'" }
    : { element: "+", terminator: "'" };
}

const escapeRegExp = (s: string) => s.replace(/[$*+?.()[\]{}|^\\]/g, "\\$&");

/** Every occurrence of a segment (tag and first element) in the raw text, as its data text. */
function rawSegments(raw: string, start: string): string[] {
  const { element, terminator } = separatorsOf(raw);
  const flat = raw.replace(/[\r\n]/g, "");
  const pattern = new RegExp(
    `(?:^|${escapeRegExp(terminator)})\\s*${escapeRegExp(start.replaceAll("+", element))}([^${escapeRegExp(terminator)}]*)`,
    "g",
  );
  return [...flat.matchAll(pattern)].map((m) => (m[1] ?? "").replaceAll(element, "+"));
}

function rejects(run: () => unknown, ...fragments: string[]): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(isFtfxError(error) && error.code === "bad_input", `not a bad_input error: ${String(error)}`);
    for (const fragment of fragments)
      assert.ok(error.message.includes(fragment), `${error.message} lacks "${fragment}"`);
    return true;
  });
}

const UN_SAMPLES = [
  "gtas_apis_crew_bgm250_one_line.edi",
  "gtas_apis_custom_separators_star_dollar.edi",
  "gtas_apis_d05b_two_legs.edi",
  "gtas_apis_large_passenger_list.edi",
  "gtas_wco_flight1.edi",
  "gtas_wco_flight2.edi",
  "gtas_wco_flight3.edi",
];

for (const name of UN_SAMPLES) {
  test(`golden: ${name} — travellers, legs, birth dates, nationalities and documents as in the raw text`, () => {
    const raw = read(name);
    const manifest = parsePaxlst(raw, name);
    const people = [...rawSegments(raw, "NAD+FL+"), ...rawSegments(raw, "NAD+FM+")];
    assert.equal(manifest.travellers.length, people.length);
    assert.equal(manifest.flight.legs.length, rawSegments(raw, "TDT+").length);
    assert.equal(
      manifest.travellers.reduce((n, t) => n + t.documents.length, 0),
      rawSegments(raw, "DOC+").length,
    );
    const surnames = rawSegments(raw, "NAD+")
      .filter((d) => /^F[LM]\+/.test(d))
      .map((d) => d.split("+")[3]?.split(":")[0]);
    assert.deepEqual(
      manifest.travellers.map((t) => t.surname),
      surnames,
    );
    const birthYears = rawSegments(raw, "DTM+329:").map((d) => d.trim().slice(0, 2));
    assert.deepEqual(
      manifest.travellers.map((t) => t.birthDate?.slice(2, 4)),
      birthYears,
    );
    assert.deepEqual(
      manifest.travellers.flatMap((t) => (t.nationality ? [t.nationality] : [])),
      rawSegments(raw, "NAT+2+"),
    );
    assert.equal(manifest.kind, "paxlst");
  });
}

test("BGM 250 is a crew list: every NAD+FM traveller is crew", () => {
  const manifest = parsePaxlst(read("gtas_apis_crew_bgm250_one_line.edi"), "crew.edi");
  assert.ok(manifest.travellers.length > 0);
  assert.ok(manifest.travellers.every((t) => t.role === "crew"));
  assert.deepEqual(manifest.flight, {
    carrier: "UA",
    number: "0989",
    legs: [
      {
        flightNumber: "UA0989",
        departure: "FRA",
        arrival: "IAD",
        departureTime: "2017-01-27T17:25",
        arrivalTime: "2017-01-28T07:10",
        marketingCarrier: "UA",
      },
    ],
  });
});

test("D05B with two legs (LOC+92 routing): ATL→ORD→JFK, reservation references, no documents", () => {
  const manifest = parsePaxlst(read("gtas_apis_d05b_two_legs.edi"), "two.edi");
  assert.equal(manifest.version, "D05B");
  assert.deepEqual(
    manifest.flight.legs.map((l) => [l.flightNumber, l.departure, l.arrival]),
    [
      ["AA123", "ATL", "ORD"],
      ["AA124", "ORD", "JFK"],
    ],
  );
  const [michael, cheryl] = manifest.travellers;
  assert.deepEqual(
    [michael?.fullName, michael?.gender, michael?.birthDate, michael?.pnrRef, michael?.reservationRef],
    ["MICHAEL CLARK", "M", "1972-09-07", "TYR123", "ABC123"],
  );
  assert.equal(cheryl?.reservationRef, "TYL009");
  assert.deepEqual(michael?.documents, []);
});

test("custom separators (UNA:*.? $) read the same data as the default ones", () => {
  const manifest = parsePaxlst(read("gtas_apis_custom_separators_star_dollar.edi"), "star.edi");
  const betton = manifest.travellers[0];
  assert.deepEqual(
    manifest.flight.legs.map((l) => `${l.departure}-${l.arrival}`),
    ["BRE-YEU"],
  );
  assert.deepEqual(betton?.documents, [
    { number: "178556534", type: "P", expiry: "2018-02-21", issuingCountry: "USA" },
  ]);
  assert.equal(betton?.pnrRef, "QXGYLO");
});

test("US legacy CEDIPAX: one flight, four passengers from PDT, release character unescaped", () => {
  const raw = read("gtas_us_legacy_cedipax_release_char.edi");
  const manifest = parsePaxlst(raw, "cedipax.edi");
  assert.equal(manifest.version, "CEDIPAX");
  assert.equal(manifest.travellers.length, raw.split("PDT+").length - 1);
  assert.deepEqual(
    [
      manifest.flight.carrier,
      manifest.flight.number,
      manifest.flight.legs[0]?.departure,
      manifest.flight.legs[0]?.arrival,
    ],
    ["SA", "812", "AKL", "LAX"],
  );
  assert.equal(manifest.flight.legs[0]?.departureTime, "2002-01-31T10:30");
  const oleary = manifest.travellers[3];
  assert.deepEqual(
    [oleary?.surname, oleary?.givenNames, oleary?.birthDate, oleary?.gender, oleary?.documents[0]?.number],
    ["O'LEARY", "KRIS ANN", "1933-12-31", "F", "E54321A"],
  );
});

test("trailing text after UNZ rejects the whole message, naming segment, tag and reason", () => {
  const raw = read("gtas_apis_three_legs_trailing_garbage.edi");
  const terminated = raw.slice(raw.indexOf("UNB")).split("'").length - 1; // UNB … UNZ
  rejects(
    () => parsePaxlst(raw, "three.edi"),
    `segment ${terminated + 1} (13Nov09)`,
    "after the interchange trailer UNZ",
  );
});

test("the three-leg message itself (garbage removed): MIA→IAD→JFK→CDG, the border flight is QQ827", () => {
  const raw = read("gtas_apis_three_legs_trailing_garbage.edi").replace(/13Nov09\s*$/, "");
  const manifest = parsePaxlst(raw, "three.edi");
  assert.deepEqual(
    manifest.flight.legs.map((l) => `${l.departure}-${l.arrival}`),
    ["MIA-IAD", "IAD-JFK", "JFK-CDG"],
  );
  assert.deepEqual([manifest.flight.carrier, manifest.flight.number], ["QQ", "827"]);
  assert.equal(manifest.flight.legs[2]?.arrivalTime, "2008-08-11T06:30");
  const barrett = manifest.travellers[0];
  assert.deepEqual(barrett?.documents, [
    { number: "YY3478621G", type: "P", expiry: "2008-12-30", issuingCountry: "FRA" },
  ]);
  assert.deepEqual(
    [barrett?.residence, barrett?.nationality, barrett?.reservationRef],
    ["FRA", "FRA", "UUI34T543"],
  );
});

test("WCO flights: bags (pieces match tags), seats, visas and the document without a type", () => {
  const manifest = parsePaxlst(read("gtas_wco_flight1.edi"), "flight1.edi");
  for (const traveller of manifest.travellers) {
    const { baggage } = traveller;
    if (baggage?.pieces !== undefined && baggage.tags.length > 0)
      assert.equal(baggage.tags.length, baggage.pieces, traveller.fullName);
  }
  const nood = manifest.travellers.find((t) => t.surname === "NOOD");
  assert.deepEqual(nood?.baggage, {
    pieces: 2,
    weight: { value: 32, unit: "KGM" },
    tags: ["2660009", "2660010"],
  });
  assert.equal(nood?.seat, "46A");
  const jiang = manifest.travellers[0];
  assert.deepEqual(
    jiang?.documents.map((d) => [d.type, d.number]),
    [
      [undefined, "433419360"],
      ["V", "57131424"],
    ],
  );
  const cannon = manifest.travellers.find((t) => t.surname === "CANNON");
  assert.equal(cannon?.documents[0]?.issuingCountry, undefined); // LOC+91+ sent empty
});

interface GroundTruth {
  expected_same_person_clusters: string[][];
  expected_watchlist_hits: { traveller: string }[];
  prime_flight_keys: Record<string, [string, string, string, string]>;
}

test("WCO flights against gtas_wco_flights_ground_truth.json: named travellers and prime flight keys", () => {
  const truth = JSON.parse(
    readFileSync(dataPath("travel-messages/paxlst/gtas_wco_flights_ground_truth.json"), "utf8"),
  ) as GroundTruth;
  const flights: Record<string, Manifest> = {};
  for (const flight of ["flight1", "flight2", "flight3"]) {
    flights[flight] = parsePaxlst(read(`gtas_wco_${flight}.edi`), `${flight}.edi`);
  }
  const named = [
    ...truth.expected_same_person_clusters.flat(),
    ...truth.expected_watchlist_hits.map((h) => h.traveller),
  ];
  assert.equal(named.length, 6);
  for (const entry of named) {
    const m = /^(.+) \((flight\d), DOB '? ?(\d{2})(\d{2})(\d{2})'?, (?:doc|P) (\w+)\)$/.exec(entry);
    assert.ok(m, entry);
    const [, name, flight, yy, mm, dd, document] = m;
    const traveller = flights[flight ?? ""]?.travellers.find((t) => t.fullName === name);
    assert.ok(traveller, `${entry} not found`);
    assert.equal(traveller.birthDate, `19${yy}-${mm}-${dd}`, entry);
    assert.ok(
      traveller.documents.some((d) => d.number === document),
      entry,
    );
  }
  for (const [flight, [from, to, carrier, number]] of Object.entries(truth.prime_flight_keys)) {
    const manifest = flights[flight];
    assert.deepEqual(
      [
        manifest?.flight.legs[0]?.departure,
        manifest?.flight.legs[0]?.arrival,
        manifest?.flight.carrier,
        manifest?.flight.number.padStart(4, "0"),
      ],
      [from, to, carrier, number],
    );
  }
});

const MESSAGE = [
  "UNB+UNOA:4+AIR+DHS+200130:0300+1",
  "UNH+1+PAXLST:D:02B:UN:IATA",
  "BGM+745",
  "TDT+20+LA532",
  "LOC+125+SCL",
  "DTM+189:2001192300:201",
  "LOC+87+JFK",
  "NAD+FL+++JIANG:HSIUYUAN",
  "DTM+329:670603",
  "DOC+P+433419360",
  "DTM+36:230920",
  "UNT+11+1",
  "UNZ+1+1",
];

/** The message with one segment replaced; `segment N (TAG)` is its position in the list, from UNB = 1. */
function withSegment(index: number, segment: string): string {
  return `${MESSAGE.map((s, i) => (i === index ? segment : s)).join("'\n")}'`;
}

test("a bad segment rejects the whole message, naming its number, tag and reason", () => {
  assert.equal(parsePaxlst(withSegment(-1, ""), "ok.edi").travellers.length, 1);
  rejects(
    () => parsePaxlst(withSegment(8, "DTM+329:671340"), "bad.edi"),
    "bad.edi:9 segment 9 (DTM)",
    "671340",
  );
  rejects(
    () => parsePaxlst(withSegment(7, "NAD+FL+++:HSIUYUAN"), "bad.edi"),
    "segment 8 (NAD)",
    "no surname",
  );
  rejects(() => parsePaxlst(withSegment(9, "DOC+P"), "bad.edi"), "segment 10 (DOC)", "no number");
  rejects(() => parsePaxlst(withSegment(2, "BGM+999"), "bad.edi"), "segment 3 (BGM)", "999");
  rejects(() => parsePaxlst(withSegment(2, "BGM+250"), "bad.edi"), "segment 8 (NAD)", "crew list");
  rejects(() => parsePaxlst(withSegment(3, "TDT+20+532"), "bad.edi"), "segment 4 (TDT)", "532");
  rejects(() => parsePaxlst(withSegment(4, "LOC+125+SANTIAGO"), "bad.edi"), "segment 5 (LOC)", "SANTIAGO");
  rejects(() => parsePaxlst(withSegment(6, "LOC+22+JFK"), "bad.edi"), "segment 4 (TDT)", "arrival");
  rejects(
    () => parsePaxlst(withSegment(1, "UNH+1+PNRGOV:11:1:IA"), "bad.edi"),
    "segment 2 (UNH)",
    "not PAXLST",
  );
  rejects(
    () => parsePaxlst(withSegment(10, "MEA+CT++two"), "bad.edi"),
    "segment 11 (MEA)",
    'bag count "two"',
  );
  rejects(
    () => parsePaxlst(withSegment(9, "LOC+91+CHN"), "bad.edi"),
    "segment 10 (LOC)",
    "before any document",
  );
});

test("property: any passenger list, written with any separators, reads back as written", () => {
  const separatorSets = [
    { component: ":", element: "+", release: "?", terminator: "'" },
    { component: ":", element: "*", release: "?", terminator: "$" },
    { component: ":", element: "-", release: "?", terminator: "*" },
  ];
  const nameText = fc
    .string({
      unit: fc.constantFrom("A", "B", "Z", " ", "'", "-", "+", ":", "?", "*", "$"),
      minLength: 1,
      maxLength: 12,
    })
    .filter((s) => s.trim() !== "" && s === s.trim() && !/\s\s/.test(s));
  const person = fc.record({
    surname: nameText,
    given: nameText,
    birth: fc.date({ min: new Date("1921-01-01"), max: new Date("2019-12-31"), noInvalidDate: true }),
    nationality: fc.constantFrom("USA", "GBR", "SYR", "IRQ"),
    document: fc.stringMatching(/^[A-Z0-9]{6,9}$/),
  });
  fc.assert(
    fc.property(
      fc.constantFrom(...separatorSets),
      fc.array(person, { minLength: 1, maxLength: 5 }),
      (sep, people) => {
        const release = (text: string) =>
          [...text].map((c) => (Object.values(sep).includes(c) ? `${sep.release}${c}` : c)).join("");
        const yymmdd = (d: Date) => d.toISOString().slice(2, 10).replaceAll("-", "");
        const segments = [
          ["UNB", "UNOA:4", "AIR", "DHS", "200130:0300", "1"],
          ["UNH", "1", "PAXLST:D:02B:UN:IATA"],
          ["BGM", "745"],
          ["TDT", "20", "LA532"],
          ["LOC", "125", "SCL"],
          ["LOC", "87", "JFK"],
          ...people.flatMap((p) => [
            ["NAD", "FL", "", "", `${release(p.surname)}:${release(p.given)}`],
            ["DTM", `329:${yymmdd(p.birth)}`],
            ["NAT", "2", p.nationality],
            ["DOC", "P", p.document],
          ]),
          ["UNT", "1", "1"],
          ["UNZ", "1", "1"],
        ].map((elements) => elements.join(sep.element));
        const una = `UNA${sep.component}${sep.element}.${sep.release} ${sep.terminator}`;
        const manifest = parsePaxlst(
          `${una}\n${segments.join(`${sep.terminator}\n`)}${sep.terminator}`,
          "p.edi",
        );
        assert.deepEqual(
          manifest.travellers.map((t) => [
            t.surname,
            t.givenNames,
            t.birthDate,
            t.nationality,
            t.documents[0]?.number,
          ]),
          people.map((p) => [
            p.surname,
            p.given,
            p.birth.toISOString().slice(0, 10),
            p.nationality,
            p.document,
          ]),
        );
      },
    ),
    { numRuns: 60 },
  );
});
