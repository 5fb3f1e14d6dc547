import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parsePnrgov, stripTitle } from "../../src/formats/pnrgov.ts";
import { isFtfxError } from "../../src/platform/errors.ts";
import { dataPath } from "../support/data.ts";

const read = (name: string) => readFileSync(dataPath(`travel-messages/pnrgov/${name}`), "utf8");

function rejects(run: () => unknown, ...fragments: string[]): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(isFtfxError(error) && error.code === "bad_input", `not a bad_input error: ${String(error)}`);
    for (const fragment of fragments)
      assert.ok(error.message.includes(fragment), `${error.message} lacks "${fragment}"`);
    return true;
  });
}

/**
 * A deliberately naive reading of the raw text for golden comparisons: segments split on the terminator,
 * element separator read from the UNA, line breaks dropped, no release handling (the samples need none
 * for the fields compared).
 */
function naiveSegments(raw: string): string[][] {
  const text = raw.trimStart();
  const una = text.startsWith("UNA") && !/[\r\n]/.test(text.slice(3, 9));
  const [element, terminator] = una ? [text[4] ?? "+", text[8] ?? "'"] : ["+", "'"];
  const body = (una ? text.slice(9) : text.replace(/^UNA[^\r\n]*/, "")).replace(/[\r\n]/g, "");
  return body
    .split(terminator)
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => s.split(element));
}

/** Per PNR (from SRC): the TIFs before its first itinerary, check-in or history segment, and its locator. */
function naivePnrs(raw: string): { locator: string; surnames: string[] }[] {
  const pnrs: { locator: string; surnames: string[]; closed: boolean }[] = [];
  for (const [tag, ...elements] of naiveSegments(raw)) {
    const current = pnrs[pnrs.length - 1];
    if (tag === "SRC") pnrs.push({ locator: "", surnames: [], closed: false });
    else if (!current) continue;
    else if (tag === "RCI" && current.locator === "") current.locator = elements[0]?.split(":")[1] ?? "";
    else if (tag === "TVL" || tag === "TRI" || tag === "ABI" || tag === "MSG") current.closed = true;
    else if (tag === "TIF" && !current.closed) current.surnames.push(elements[0]?.split(":")[0] ?? "");
  }
  return pnrs;
}

const VALID = [
  "gtas_pnrgov_adult_and_infant.edi",
  "gtas_pnrgov_big_message.edi",
  "gtas_pnrgov_codeshare.edi",
  "gtas_pnrgov_custom_separators_dash_star.edi",
  "gtas_pnrgov_doco_visa.edi",
  "gtas_pnrgov_edge_release_char.edi",
  "gtas_pnrgov_guide_p76.edi",
  "gtas_pnrgov_guide_p77.edi",
  "gtas_pnrgov_no_msg_org.edi",
  "gtas_pnrgov_seat_formats.edi",
  "gtas_pnrgov_split_whitespace.edi",
  "gtas_pnrgov_two_pnrs_basic.edi",
];

for (const name of VALID) {
  test(`golden: ${name} — PNRs, locators, travellers, flight and documents as in the raw text`, () => {
    const raw = read(name);
    const manifest = parsePnrgov(raw, name);
    const expected = naivePnrs(raw);
    assert.equal(manifest.kind, "pnrgov");
    assert.deepEqual(
      manifest.pnrs?.map((p) => p.bookingRef),
      expected.map((p) => p.locator),
    );
    assert.deepEqual(
      manifest.pnrs?.map((p) =>
        p.travellers.map((ref) => manifest.travellers.find((t) => t.ref === ref)?.surname),
      ),
      expected.map((p) => p.surnames),
    );
    const segments = naiveSegments(raw);
    const headerTvl = segments.find(([tag]) => tag === "TVL") ?? [];
    assert.deepEqual(
      [
        manifest.flight.legs[0]?.departure,
        manifest.flight.legs[0]?.arrival,
        manifest.flight.carrier,
        manifest.flight.number,
      ],
      [headerTvl[2], headerTvl[3], headerTvl[4], headerTvl[5]],
    );
    const docsNumbers = new Set(
      segments
        .filter(([tag, first]) => tag === "SSR" && first?.startsWith("DOCS:"))
        .map(([, first]) => first?.split(":")[8]?.split("/")[3]?.trim())
        .filter((n): n is string => Boolean(n)),
    );
    const parsedNumbers = new Set(
      manifest.travellers.flatMap((t) => t.documents.filter((d) => d.type !== "V").map((d) => d.number)),
    );
    assert.deepEqual(parsedNumbers, docsNumbers);
    const emails = segments.filter(([tag, , text]) => tag === "IFT" && text?.includes("CTCE")).length;
    assert.equal(manifest.pnrs?.flatMap((p) => p.contacts).filter((c) => c.kind === "email").length, emails);
  });
}

test("adult with infant: the infant is a traveller with the INFT birth date and its own DOCS", () => {
  const manifest = parsePnrgov(read("gtas_pnrgov_adult_and_infant.edi"), "infant.edi");
  const [adult, infant] = manifest.travellers;
  assert.deepEqual(
    [adult?.role, adult?.givenNames, adult?.birthDate, adult?.documents[0]?.number],
    ["passenger", "TESTNAMEONE", "1976-05-30", "52263000"],
  );
  assert.deepEqual(
    [infant?.role, infant?.surname, infant?.birthDate, infant?.gender],
    ["infant", "TESTSURNAMETWO", "2011-08-10", "F"],
  );
  assert.deepEqual(
    infant?.documents.map((d) => d.number),
    ["AO234000"],
  );
  assert.deepEqual(manifest.pnrs?.[0]?.travellers, [adult?.ref, infant?.ref]);
  assert.deepEqual(
    manifest.pnrs?.[0]?.segments.map((s) => `${s.departure}-${s.arrival}`),
    ["BOG-MEX", "MEX-CUN", "CUN-BOG"],
  );
});

test("an infant named only in SSR INFT becomes an infant traveller of the PNR", () => {
  const raw = read("gtas_pnrgov_adult_and_infant.edi").replace("TIF+TESTSURNAMETWO+TESTNAMETWO:IN:2.1'", "");
  const manifest = parsePnrgov(raw, "infant.edi");
  const infant = manifest.travellers.find((t) => t.role === "infant");
  assert.deepEqual(
    [infant?.ref, infant?.fullName, infant?.birthDate],
    ["XXXYET/1.1-INF", "TESTNAMETWO TESTSURNAMETWO", "2011-08-10"],
  );
});

test("codeshare segments name the operating carrier and flight (TVL carrier pair, TRA, operating TVL)", () => {
  const loader = parsePnrgov(read("gtas_pnrgov_codeshare.edi"), "codeshare.edi");
  assert.deepEqual(
    loader.pnrs?.map((p) =>
      p.segments.map((s) => [
        s.marketingCarrier,
        s.flightNumber,
        s.operatingCarrier,
        s.operatingFlightNumber,
      ]),
    ),
    [[["KE", "609", "SQ", "303"]], [["OZ", "609", "SQ", "752"]]],
  );
  // The p.77 codeshare sample carries an arrival time 43:21; with a real time it reads as GTAS expects.
  const raw = read("gtas_pnrgov_guide_p77_codeshare.edi").replace(":4321+", ":1500+");
  const segments = parsePnrgov(raw, "p77.edi").pnrs?.[0]?.segments ?? [];
  const codeshares = segments.filter((s) => s.operatingCarrier);
  assert.deepEqual(
    codeshares.map(
      (s) => `${s.marketingCarrier}${s.flightNumber} op ${s.operatingCarrier}${s.operatingFlightNumber}`,
    ),
    ["SQ5678 op SK1524", "DL8976 op KL972"],
  );
});

test("DOCO visa: type, number, place and date of issue, no expiry; cash payment; seat on the flight", () => {
  const manifest = parsePnrgov(read("gtas_pnrgov_doco_visa.edi"), "doco.edi");
  const pnr = manifest.pnrs?.[0];
  assert.deepEqual(
    pnr?.visas.map((v) => [v.type, v.number, v.placeOfIssue, v.issueDate]),
    [["V", "8675309", "OTHER PLACE", "2006-12-22"]],
  );
  assert.equal(manifest.travellers[0]?.documents.find((d) => d.type === "V")?.expiry, undefined);
  assert.deepEqual(pnr?.formOfPayment, ["CA"]);
  assert.equal(manifest.travellers[0]?.seat, "23K");
  assert.deepEqual(
    pnr?.segments.map((s) => `${s.departure}-${s.arrival}`),
    ["WDH-ADD", "ADD-FRA", "FRA-IAD"],
  );
});

test("released characters and IATA e-mail escapes: MOLLY..LOUUNT?+50BB//GMAIL.COM", () => {
  const manifest = parsePnrgov(read("gtas_pnrgov_edge_release_char.edi"), "edge.edi");
  assert.deepEqual(
    manifest.pnrs?.[0]?.contacts.find((c) => c.kind === "email"),
    {
      kind: "email",
      value: "MOLLY_LOUUNT+50BB@GMAIL.COM",
      travellerRef: "7C789A/1",
    },
  );
});

test("seat formats: 074E is 74E; the traveller's seat is the one on the manifest's flight", () => {
  const manifest = parsePnrgov(read("gtas_pnrgov_seat_formats.edi"), "seats.edi");
  assert.deepEqual(
    manifest.pnrs?.[0]?.seats.map((s) => [s.seat, s.departure, s.arrival, s.travellerRef]),
    [
      ["36K", "FRA", "IAD", "7C789A/1"],
      ["74E", "SFO", "IAD", "7C789A/1"],
    ],
  );
  assert.equal(manifest.travellers[0]?.seat, "36K");
});

test("booking date from the record locator (RCI), else the ticket date; reservation reference from REF", () => {
  const p77 = parsePnrgov(read("gtas_pnrgov_guide_p77.edi"), "p77.edi");
  assert.deepEqual(
    [p77.pnrs?.[0]?.bookingRef, p77.pnrs?.[0]?.bookingDate],
    ["W9TEND", "2013-05-23T18:13:48"],
  );
  assert.equal(p77.travellers[0]?.reservationRef, "43576");
  assert.equal(
    parsePnrgov(read("gtas_pnrgov_guide_p76.edi"), "p76.edi").pnrs?.[0]?.bookingDate,
    "2013-02-15T01:49",
  );
  assert.equal(
    parsePnrgov(read("gtas_pnrgov_two_pnrs_basic.edi"), "two.edi").pnrs?.[0]?.bookingDate,
    "2010-12-06T12:00",
  );
});

test("two PNRs: co-travellers, travel agency, and the history (after ABI) ignored", () => {
  const manifest = parsePnrgov(read("gtas_pnrgov_two_pnrs_basic.edi"), "two.edi");
  const [first, second] = manifest.pnrs ?? [];
  assert.deepEqual(first?.travellers, ["MFN4TI/1", "MFN4TI/2"]);
  assert.deepEqual(second?.travellers, ["23456/1", "23456/2"]);
  assert.deepEqual(second?.travelAgency, {
    system: "1A",
    location: "MUC",
    iataNumber: "12345678",
    agentId: "F31",
    originatorType: "T",
    country: "GB",
  });
  assert.ok(
    !manifest.travellers.some((t) => t.givenNames === "JON"),
    "history TIF WAYNE/JONMR is no traveller",
  );
  assert.deepEqual(
    first?.segments.map((s) => `${s.departure}-${s.arrival}`),
    ["LHR-JFK", "JFK-YVR"],
  );
  assert.ok(manifest.travellers.every((t) => t.pnrRef === t.ref.split("/")[0]));
});

test("bags at check-in (TBD): pieces, weight and tags; forms of payment across travellers", () => {
  const manifest = parsePnrgov(read("gtas_pnrgov_big_message.edi"), "big.edi");
  const michaels = manifest.travellers.find((t) => t.surname === "MICHAELS");
  assert.deepEqual(michaels?.baggage, {
    pieces: 4,
    weight: { value: 26, unit: "LBR" },
    tags: ["0455", "0456", "0457", "0458"],
  });
  assert.deepEqual(manifest.pnrs?.[0]?.formOfPayment, ["CC", "CA"]);
  assert.equal(michaels?.givenNames, "WELDON");
});

test("no MSG and no ORG: still a whole PNR; phone from ADD", () => {
  const manifest = parsePnrgov(read("gtas_pnrgov_no_msg_org.edi"), "noorg.edi");
  assert.deepEqual(
    manifest.pnrs?.[0]?.contacts.filter((c) => c.kind === "phone").map((c) => c.value),
    ["8675309", "EK CTC M 5432109876"],
  );
});

test("malformed samples are rejected whole, naming segment, tag and reason", () => {
  rejects(
    () => parsePnrgov(read("gtas_pnrgov_bad_format.edi"), "bad.edi"),
    "segment 29",
    "(UNZ)",
    "Modify above message",
  );
  const p75 = read("gtas_pnrgov_guide_p75.edi");
  const curly =
    p75
      .slice(p75.indexOf("UNB"))
      .split("'")
      .findIndex((s) => s.includes("\u2019")) + 1;
  rejects(() => parsePnrgov(p75, "p75.edi"), `segment ${curly} (SSR)`, "U+2019");
  const p77 = read("gtas_pnrgov_guide_p77_codeshare.edi");
  const badTime = p77.split("'").findIndex((s) => s.includes(":4321+")) + 1;
  rejects(() => parsePnrgov(p77, "p77.edi"), `segment ${badTime} (TVL)`, "4321");
});

const MESSAGE = [
  "UNB+IATA:1+UA++180928:1120+1",
  "UNH+1+PNRGOV:13:1:IA+1",
  "TVL+280918:1220:1505+FRA+IAD+UA+988",
  "SRC",
  "RCI+UA:7C789A:230818:1220",
  "TIF+LOBB+MOLLYMRS:A:1",
  "SSR+DOCS:HK::DL:::::/P/GBR/796428965//13AUG54/F/26APR25/LOBB/MOLLYMRS/ZARA",
  "TVL+220119:1220::1505+FRA+IAD+UA+988:B",
  "SSR+SEAT:HK:1:UA:::FRA:IAD+36K::1",
  "UNT+9",
  "UNZ+1+1",
];

/** The message with segments replaced; `segment N (TAG)` is a position in the list, from UNB = 1. */
function withSegments(replaced: Record<number, string>): string {
  return `${MESSAGE.map((s, i) => replaced[i] ?? s).join("'\n")}'`;
}

const withSegment = (index: number, segment: string) => withSegments({ [index]: segment });

test("a bad segment rejects the whole message, naming its number, tag and reason", () => {
  assert.equal(parsePnrgov(withSegment(-1, ""), "ok.edi").travellers[0]?.seat, "36K");
  rejects(
    () => parsePnrgov(withSegment(5, "TIF+:I+MOLLY:A:1"), "bad.edi"),
    "bad.edi:6 segment 6 (TIF)",
    "no surname",
  );
  rejects(
    () => parsePnrgov(withSegment(6, "SSR+DOCS:HK::DL:::::/P/GBR/1//31FEB54/F"), "bad.edi"),
    "segment 7 (SSR)",
    "31FEB54",
  );
  rejects(
    () => parsePnrgov(withSegment(7, "TVL+220119:1220::1505+FRA++UA+988"), "bad.edi"),
    "segment 8 (TVL)",
    "arrival",
  );
  rejects(
    () => parsePnrgov(withSegment(8, "SSR+SEAT:HK:1:UA:::FRA:IAD+WINDOW::1"), "bad.edi"),
    "segment 9 (SSR)",
    "WINDOW",
  );
  const couple = { 5: "TIF+LOBB+MOLLYMRS:A:1+ZARA:A:2", 8: "SSR+SEAT:HK:1:UA:::FRA:IAD+36K::1+36L::8" };
  assert.deepEqual(
    parsePnrgov(
      withSegments({ ...couple, 8: "SSR+SEAT:HK:1:UA:::FRA:IAD+36K::1+36L::2" }),
      "ok.edi",
    ).travellers.map((t) => t.seat),
    ["36K", "36L"],
  );
  rejects(() => parsePnrgov(withSegments(couple), "bad.edi"), "segment 9 (SSR)", '"8"');
  rejects(() => parsePnrgov(withSegment(4, "RCI"), "bad.edi"), "segment 5 (RCI)", "reservation number");
  rejects(() => parsePnrgov(withSegment(2, "EQN+1"), "bad.edi"), "segment 2 (UNH)", "no flight");
  rejects(() => parsePnrgov(withSegment(5, "FOP+CA"), "bad.edi"), "segment 7 (SSR)", "names no traveller");
  rejects(
    () => parsePnrgov(withSegments({ 5: "FOP+CA", 6: "FOP+CA", 8: "APD+777" }), "bad.edi"),
    "segment 4 (SRC)",
    "no travellers",
  );
});

test("one TIF with two given names is two co-travellers; an SSR's reference picks its traveller", () => {
  const family = {
    5: "TIF+LOBB+MOLLYMRS:A:1+ZARA:A:2",
    6: "SSR+DOCS:HK::DL:::::/P/GBR/555666777//01JAN10/F/26APR25/LOBB/ZARA+::2",
  };
  const manifest = parsePnrgov(withSegments(family), "family.edi");
  assert.deepEqual(manifest.pnrs?.[0]?.travellers, ["7C789A/1", "7C789A/2"]);
  const [molly, zara] = manifest.travellers;
  assert.deepEqual([molly?.fullName, molly?.documents], ["MOLLY LOBB", []]);
  assert.deepEqual(
    [zara?.fullName, zara?.birthDate, zara?.documents[0]?.number],
    ["ZARA LOBB", "2010-01-01", "555666777"],
  );
});

test("a hotel part (MSG, TVL without an arrival airport) is skipped up to the next flight", () => {
  const hotel =
    "MSG+8'TVL+220119:1500:250119+IAD:ANY HOTEL++VN+67576:ROH'TVL+220119:1220::1505+FRA+IAD+UA+988:B";
  const pnr = parsePnrgov(withSegment(7, hotel), "hotel.edi").pnrs?.[0];
  assert.deepEqual(
    pnr?.segments.map((s) => `${s.marketingCarrier}${s.flightNumber} ${s.departure}-${s.arrival}`),
    ["UA988 FRA-IAD"],
  );
  assert.equal(pnr?.seats[0]?.seat, "36K");
});

test("titles come off given names when spaced or glued (MR, MRS, MSTR, MISS) but not names ending in MS", () => {
  assert.equal(stripTitle("NINA MS"), "NINA");
  assert.equal(stripTitle("SEJOONMR"), "SEJOON");
  assert.equal(stripTitle("LORELEIMRS"), "LORELEI");
  assert.equal(stripTitle("WILLIAMS"), "WILLIAMS");
  assert.equal(stripTitle("KONG CHUN MRS"), "KONG CHUN");
});
