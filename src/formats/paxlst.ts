/**
 * PAXLST (advance passenger information): UN/EDIFACT D02B and D05B as IATA/WCO/ICAO guide them, and the
 * older US CEDIPAX layout (one PDT segment per traveller). Pure: text in, one whole Manifest out, or a
 * `badInput` naming the segment.
 */
import {
  type Interchange,
  readInterchange,
  type Segment,
  segmentError,
  segmentNumber,
  value,
} from "./edifact.ts";
import { type Century, isoTime, readYearFirst } from "./travel-dates.ts";
import {
  type Baggage,
  expandBagTags,
  type Flight,
  fullName,
  type Leg,
  type Manifest,
  normaliseSeat,
  type TravelDocument,
  type Traveller,
  type TravellerRole,
} from "./travel-types.ts";

export function parsePaxlst(text: string, file: string): Manifest {
  return paxlstFromInterchange(readInterchange(text, file));
}

export function paxlstFromInterchange(interchange: Interchange): Manifest {
  const { messageType, header, file } = interchange;
  if (messageType.type !== "PAXLST") {
    throw segmentError(file, header, `message type ${messageType.type} is not PAXLST`);
  }
  const legacy = messageType.version !== "D";
  if (legacy && !interchange.body.some((s) => s.tag === "PDT")) {
    throw segmentError(
      file,
      header,
      `PAXLST version ${messageType.version}:${messageType.release} is neither a UN directory (D:02B, D:05B) nor the US CEDIPAX layout with PDT segments`,
    );
  }
  const { legs, travellers } = legacy ? readLegacy(interchange) : readUnPaxlst(interchange);
  return {
    kind: "paxlst",
    version: legacy ? "CEDIPAX" : `${messageType.version}${messageType.release}`,
    messageRef: interchange.messageRef,
    sender: interchange.sender,
    preparedOn: interchange.preparedOn,
    flight: flightOf(legs, interchange),
    travellers,
  };
}

/** A leg while its LOC and DTM segments are read; `crossing` marks LOC 125/87 (the border flight). */
interface LegDraft {
  tdt: Segment;
  designator: string;
  carrier?: string;
  departure?: string;
  arrival?: string;
  departureTime?: string;
  arrivalTime?: string;
  crossing: boolean;
}

const DEPARTURE_LOC = new Set([125, 5]);
const ARRIVAL_LOC = new Set([87, 8]);
const ROUTING_LOC = 92;

function flightOf(drafts: LegDraft[], interchange: Interchange): Flight {
  const main = drafts.find((d) => d.crossing) ?? drafts[0];
  if (main === undefined)
    throw segmentError(interchange.file, interchange.header, "no flight (TDT) in the message");
  const { carrier, number } = splitDesignator(interchange.file, main.tdt, main.designator, main.carrier);
  const legs = drafts.map((d): Leg => {
    if (!d.departure || !d.arrival) {
      throw segmentError(interchange.file, d.tdt, "flight leg lacks its departure or arrival airport (LOC)");
    }
    return {
      flightNumber: d.designator,
      departure: d.departure,
      arrival: d.arrival,
      departureTime: d.departureTime,
      arrivalTime: d.arrivalTime,
      marketingCarrier: d.carrier ?? splitDesignator(interchange.file, d.tdt, d.designator).carrier,
    };
  });
  return { carrier, number, legs };
}

/** `QQ827` → QQ + 827; the TDT carrier element settles two- versus three-letter designators. */
function splitDesignator(
  file: string,
  segment: Segment,
  designator: string,
  carrierHint?: string,
): { carrier: string; number: string } {
  const compact = designator.replace(/\s+/g, "");
  if (
    carrierHint &&
    compact.startsWith(carrierHint) &&
    /^\d{1,4}[A-Z]?$/.test(compact.slice(carrierHint.length))
  ) {
    return { carrier: carrierHint, number: compact.slice(carrierHint.length) };
  }
  // IATA designators are two letters, or a letter and a digit either way round; ICAO ones three letters.
  const m = /^([A-Z]{3}|[A-Z][A-Z0-9]|\d[A-Z])(\d{1,4}[A-Z]?)$/.exec(compact);
  if (!m?.[1] || !m[2])
    throw segmentError(file, segment, `flight "${designator}" is not a carrier code and number`);
  return { carrier: m[1], number: m[2] };
}

/** Airport code from a LOC: IATA `MIA`, or the last three letters of a UN/LOCODE `NZAKL`. */
function airport(segment: Segment, file: string): string {
  const code = value(segment, 1) ?? "";
  if (/^[A-Z]{3}$/.test(code)) return code;
  if (/^[A-Z]{5}$/.test(code)) return code.slice(2);
  throw segmentError(file, segment, `place "${code}" is not an airport code`);
}

/** DTM text: `DTM+189:0807101500:201` (UN) or `DTM+136+020131+1030` (CEDIPAX). */
function dateTimeText(segment: Segment): { qualifier: number; text: string } {
  const inline = value(segment, 0, 1);
  const text = inline ?? `${value(segment, 1) ?? ""}${value(segment, 2) ?? ""}`;
  return { qualifier: Number(value(segment, 0)), text: text.replace(/\s+/g, "") };
}

/** `YYMMDD`, `CCYYMMDD`, `YYMMDDHHMM` or `CCYYMMDDHHMM` → ISO date or date-time. */
function readDateTime(
  file: string,
  segment: Segment,
  text: string,
  referenceYear: number,
  century: Century,
): string {
  const withTime = text.length === 10 || text.length === 12;
  const date = readYearFirst(withTime ? text.slice(0, -4) : text, referenceYear, century);
  const time = withTime ? isoTime(text.slice(-4)) : undefined;
  if (date === undefined || (withTime && time === undefined)) {
    throw segmentError(file, segment, `"${text}" is not a date (YYMMDD, CCYYMMDD, YYMMDDHHMM)`);
  }
  return time ? `${date}T${time}` : date;
}

interface Walk {
  interchange: Interchange;
  legs: LegDraft[];
  travellers: Traveller[];
  traveller?: Traveller;
  document?: TravelDocument;
}

function readUnPaxlst(interchange: Interchange): { legs: LegDraft[]; travellers: Traveller[] } {
  const { file } = interchange;
  const walk: Walk = { interchange, legs: [], travellers: [] };
  let list: "passengers" | "crew" | undefined;
  for (const segment of interchange.body) {
    switch (segment.tag) {
      case "BGM": {
        const code = value(segment, 0);
        if (code !== "745" && code !== "250") {
          throw segmentError(
            file,
            segment,
            `document code "${code ?? ""}" is neither 745 (passengers) nor 250 (crew)`,
          );
        }
        list = code === "250" ? "crew" : "passengers";
        break;
      }
      case "NAD":
        readNad(walk, segment, list);
        break;
      case "TDT":
        if (walk.traveller) throw segmentError(file, segment, "flight (TDT) after the first traveller");
        walk.legs.push({
          tdt: segment,
          designator: value(segment, 1) ?? "",
          carrier: value(segment, 4),
          crossing: false,
        });
        break;
      case "LOC":
        if (walk.traveller) readTravellerLoc(walk, segment);
        else readFlightLoc(walk, segment);
        break;
      case "DTM":
        if (walk.traveller) readTravellerDtm(walk, segment);
        else readFlightDtm(walk, segment);
        break;
      default:
        if (walk.traveller) readTravellerDetail(walk, walk.traveller, segment);
    }
  }
  return walk;
}

function readNad(walk: Walk, segment: Segment, list: "passengers" | "crew" | undefined): void {
  const { file } = walk.interchange;
  const party = value(segment, 0);
  const role: TravellerRole | undefined =
    party === "FL" || party === "DDU" ? "passenger" : party === "FM" || party === "DDT" ? "crew" : undefined;
  if (role === undefined) return; // MS (reporting party) and other parties are not travellers
  if (list === undefined) throw segmentError(file, segment, "traveller before the message's BGM segment");
  if ((role === "crew") !== (list === "crew")) {
    throw segmentError(
      file,
      segment,
      `NAD+${party} (${role}) in a ${list} list (BGM ${list === "crew" ? 250 : 745})`,
    );
  }
  const [surname, ...given] = (segment.elements[3] ?? []).map((p) => p.trim());
  if (!surname) throw segmentError(file, segment, "traveller has no surname (NAD element 4)");
  const givenNames = given.filter((p) => p !== "").join(" ");
  walk.traveller = {
    ref: String(walk.travellers.length + 1),
    role,
    surname,
    givenNames,
    fullName: fullName(givenNames, surname),
    documents: [],
  };
  walk.document = undefined;
  walk.travellers.push(walk.traveller);
}

function currentLeg(walk: Walk, segment: Segment): LegDraft {
  const leg = walk.legs[walk.legs.length - 1];
  if (!leg) throw segmentError(walk.interchange.file, segment, "place or date before the flight (TDT)");
  return leg;
}

function readFlightLoc(walk: Walk, segment: Segment): void {
  const qualifier = Number(value(segment, 0));
  const leg = currentLeg(walk, segment);
  const code = airport(segment, walk.interchange.file);
  const isDeparture =
    DEPARTURE_LOC.has(qualifier) || (qualifier === ROUTING_LOC && leg.departure === undefined);
  if (isDeparture) leg.departure = code;
  else if (ARRIVAL_LOC.has(qualifier) || qualifier === ROUTING_LOC) leg.arrival = code;
  else return;
  if (qualifier !== ROUTING_LOC) leg.crossing = true;
}

function readFlightDtm(walk: Walk, segment: Segment): void {
  const { qualifier, text } = dateTimeText(segment);
  const leg = currentLeg(walk, segment);
  const { file, referenceYear } = walk.interchange;
  if (qualifier === 189 || qualifier === 136)
    leg.departureTime = readDateTime(file, segment, text, referenceYear, "near");
  if (qualifier === 232 || qualifier === 132)
    leg.arrivalTime = readDateTime(file, segment, text, referenceYear, "near");
}

function readTravellerLoc(walk: Walk, segment: Segment): void {
  const qualifier = Number(value(segment, 0));
  const place = value(segment, 1);
  if (qualifier === 174 && walk.traveller) walk.traveller.residence = place;
  if (qualifier === 91) {
    if (!walk.document)
      throw segmentError(walk.interchange.file, segment, "issuing country before any document (DOC)");
    walk.document.issuingCountry = place;
  }
}

function readTravellerDtm(walk: Walk, segment: Segment): void {
  const { qualifier, text } = dateTimeText(segment);
  const { file, referenceYear } = walk.interchange;
  if (qualifier === 329 && walk.traveller) {
    walk.traveller.birthDate = readDateTime(file, segment, text, referenceYear, "past");
  } else if (qualifier === 36 || qualifier === 182) {
    if (!walk.document) throw segmentError(file, segment, "document date before any document (DOC)");
    const date = readDateTime(file, segment, text, referenceYear, "near");
    if (qualifier === 36) walk.document.expiry = date;
    else walk.document.issueDate = date;
  }
}

function readTravellerDetail(walk: Walk, traveller: Traveller, segment: Segment): void {
  const { file } = walk.interchange;
  switch (segment.tag) {
    case "ATT":
      traveller.gender = value(segment, 2);
      break;
    case "NAT":
      traveller.nationality = value(segment, 1);
      break;
    case "RFF": {
      const [kind, reference] = [value(segment, 0, 0), value(segment, 0, 1)];
      if (kind === "AVF") traveller.pnrRef = reference;
      if (kind === "ABO") traveller.reservationRef = reference;
      if (kind === "SEA" && reference) traveller.seat = normaliseSeat(reference);
      break;
    }
    case "DOC": {
      const number = value(segment, 1);
      if (!number) throw segmentError(file, segment, "travel document has no number (DOC element 2)");
      walk.document = { number, type: value(segment, 0) };
      traveller.documents.push(walk.document);
      break;
    }
    case "MEA":
      readMeasure(file, segment, bagsOf(traveller));
      break;
    case "FTX":
      if (value(segment, 0) === "BAG") addBagTags(file, segment, bagsOf(traveller));
      break;
  }
}

function bagsOf(traveller: Traveller): Baggage {
  traveller.baggage ??= { tags: [] };
  return traveller.baggage;
}

/** MEA+CT++2 (pieces), MEA+WT++KGM:32 (weight). */
function readMeasure(file: string, segment: Segment, baggage: Baggage): void {
  const kind = value(segment, 0);
  if (kind === "CT") baggage.pieces = segmentNumber(file, segment, value(segment, 2), "bag count");
  if (kind === "WT") {
    baggage.weight = {
      value: segmentNumber(file, segment, value(segment, 2, 1), "bag weight"),
      unit: value(segment, 2, 0) ?? "",
    };
  }
}

/** FTX+BAG+++2660040:3 is tag 2660040 and the two tags after it. */
function addBagTags(file: string, segment: Segment, baggage: Baggage): void {
  const first = value(segment, 3, 0);
  if (!first) return;
  baggage.tags.push(
    ...expandBagTags(first, segmentNumber(file, segment, value(segment, 3, 1) ?? "1", "bag tag count")),
  );
}

/** CEDIPAX: TDT/LOC 005, 008/DTM 136, 132 for the flight, then one PDT per traveller. */
function readLegacy(interchange: Interchange): { legs: LegDraft[]; travellers: Traveller[] } {
  const { file, referenceYear } = interchange;
  const walk: Walk = { interchange, legs: [], travellers: [] };
  for (const segment of interchange.body) {
    if (segment.tag === "TDT") {
      walk.legs.push({
        tdt: segment,
        designator: value(segment, 1) ?? "",
        carrier: value(segment, 3),
        crossing: false,
      });
    } else if (segment.tag === "LOC") readFlightLoc(walk, segment);
    else if (segment.tag === "DTM") readFlightDtm(walk, segment);
    else if (segment.tag === "PDT")
      walk.travellers.push(readPdt(file, segment, referenceYear, walk.travellers.length + 1));
  }
  return walk;
}

/** PDT+P/182345345:990909:US+MANGUS:SIMON:P:590429:M+PAX+NZAKL:USLAX */
function readPdt(file: string, segment: Segment, referenceYear: number, ordinal: number): Traveller {
  const [surname, first, middle, birth, gender] = [0, 1, 2, 3, 4].map((i) => value(segment, 1, i));
  if (!surname) throw segmentError(file, segment, "traveller has no surname (PDT element 2)");
  const kind = value(segment, 2);
  if (kind !== "PAX" && kind !== "CRW")
    throw segmentError(file, segment, `traveller type "${kind ?? ""}" is neither PAX nor CRW`);
  const [type, number] = (value(segment, 0, 0) ?? "").split("/");
  const expiry = value(segment, 0, 1);
  const givenNames = [first, middle].filter(Boolean).join(" ");
  const documents: TravelDocument[] = number
    ? [
        {
          number,
          type: type || undefined,
          expiry: expiry ? readDateTime(file, segment, expiry, referenceYear, "near") : undefined,
          issuingCountry: value(segment, 0, 2),
        },
      ]
    : [];
  return {
    ref: String(ordinal),
    role: kind === "PAX" ? "passenger" : "crew",
    surname,
    givenNames,
    fullName: fullName(givenNames, surname),
    gender,
    birthDate: birth ? readDateTime(file, segment, birth, referenceYear, "past") : undefined,
    documents,
  };
}
