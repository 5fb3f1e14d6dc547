/**
 * PNRGOV (PNR data pushed to states, IATA/WCO/ICAO versions 10.1–13.1): the flight the push is for, then
 * one group per PNR — record locator, booking office, contacts, travellers (TIF with SSR DOCS/DOCO/INFT,
 * payment), itinerary (TVL with codeshare TRA, seats) and check-in (TRI/TIF/SSD/TBD). The PNR history
 * (from ABI on) is skipped: it repeats superseded data. Pure: text in, one whole Manifest out.
 */

import { ownEntry } from "../platform/own-entry.ts";
import {
  type Interchange,
  readInterchange,
  type Segment,
  segmentError,
  segmentNumber,
  value,
} from "./edifact.ts";
import { type Century, isoTime, readDayFirst, readDayMonthName } from "./travel-dates.ts";
import {
  type Baggage,
  type Contact,
  expandBagTags,
  type Flight,
  fullName,
  type Manifest,
  normaliseSeat,
  type Pnr,
  type PnrSegment,
  type SsrDocs,
  type TravelDocument,
  type Traveller,
} from "./travel-types.ts";

export function parsePnrgov(text: string, file: string): Manifest {
  return pnrgovFromInterchange(readInterchange(text, file));
}

type Zone = "pnr" | "traveller" | "itinerary" | "checkin" | "nonAir" | "history";

/** A PNR while it is read; infants named in SSR INFT and their DOCS are settled when it ends. */
interface PnrDraft {
  src: Segment;
  pnr: Pnr;
  travellers: Traveller[];
  /** The traveller reference as the message gives it (TIF), per traveller. */
  localRefs: Map<Traveller, string>;
  infants: { adult?: Traveller; surname: string; givenNames: string; birthDate?: string }[];
  infantDocs: { adult?: Traveller; docs: SsrDocs }[];
  ticketDate?: string;
}

interface Walk {
  ic: Interchange;
  flight?: Flight;
  drafts: PnrDraft[];
  draft?: PnrDraft;
  zone: Zone;
  traveller?: Traveller;
  segment?: PnrSegment;
}

export function pnrgovFromInterchange(ic: Interchange): Manifest {
  const { file, header, messageType } = ic;
  if (messageType.type !== "PNRGOV")
    throw segmentError(file, header, `message type ${messageType.type} is not PNRGOV`);
  const walk: Walk = { ic, drafts: [], zone: "pnr" };
  for (const segment of ic.body) {
    if (segment.tag === "SRC") startPnr(walk, segment);
    else if (walk.draft) readPnrSegment(walk, walk.draft, segment);
    else if (segment.tag === "TVL" && !walk.flight) walk.flight = headerFlight(walk, segment);
  }
  if (!walk.flight) throw segmentError(file, header, "no flight (TVL before the first SRC) in the message");
  if (walk.drafts.length === 0) throw segmentError(file, header, "no PNR (SRC) in the message");
  const flight = walk.flight;
  const pnrs = walk.drafts.map((d) => finishPnr(walk, d, flight));
  return {
    kind: "pnrgov",
    version: `${messageType.version}.${messageType.release}`,
    messageRef: ic.messageRef,
    sender: ic.sender,
    preparedOn: ic.preparedOn,
    flight,
    travellers: walk.drafts.flatMap((d) => d.travellers),
    pnrs,
  };
}

function startPnr(walk: Walk, src: Segment): void {
  walk.draft = {
    src,
    pnr: { bookingRef: "", contacts: [], segments: [], travellers: [], ssrDocs: [], visas: [], seats: [] },
    travellers: [],
    localRefs: new Map(),
    infants: [],
    infantDocs: [],
  };
  walk.drafts.push(walk.draft);
  walk.zone = "pnr";
  walk.traveller = undefined;
  walk.segment = undefined;
}

function readPnrSegment(walk: Walk, draft: PnrDraft, segment: Segment): void {
  if (segment.tag === "ABI") walk.zone = "history"; // superseded data, to the end of the PNR
  if (segment.tag === "MSG") walk.zone = "nonAir"; // a hotel or car part, up to the next flight
  if (walk.zone === "history") return;
  if (walk.zone === "nonAir" && !(segment.tag === "TVL" && value(segment, 1) && value(segment, 2))) return;
  const { file } = walk.ic;
  switch (segment.tag) {
    case "RCI":
      if (!draft.pnr.bookingRef) readRecordLocator(walk, draft, segment);
      return;
    case "TIF":
      if (walk.zone === "checkin") walk.traveller = findTraveller(walk, draft, segment);
      else addTravellers(walk, draft, segment);
      return;
    case "TVL":
      readItinerary(walk, draft, segment);
      return;
    case "TRA":
      if (!walk.segment)
        throw segmentError(file, segment, "operating flight (TRA) before any itinerary segment");
      walk.segment.operatingCarrier = value(segment, 0);
      walk.segment.operatingFlightNumber = value(segment, 1);
      return;
    case "TRI":
      walk.zone = "checkin";
      walk.traveller = undefined;
      return;
    case "SSR":
      readSsr(walk, draft, segment);
      return;
    case "SSD":
      readCheckInSeat(walk, draft, segment);
      return;
    case "TBD":
      readBags(walk, segment);
      return;
    case "ORG":
      if (walk.zone === "pnr" && !draft.pnr.travelAgency) draft.pnr.travelAgency = readAgency(segment);
      return;
    case "IFT":
    case "ADD":
      if (walk.zone === "pnr" || walk.zone === "traveller")
        draft.pnr.contacts.push(...readContacts(segment, walk));
      return;
    case "REF":
      if (walk.zone === "traveller" && walk.traveller) walk.traveller.reservationRef = value(segment, 0, 1);
      return;
    case "FOP": {
      const code = value(segment, 0);
      draft.pnr.formOfPayment ??= [];
      if (code && !draft.pnr.formOfPayment.includes(code)) draft.pnr.formOfPayment.push(code);
      return;
    }
    case "DAT":
      readTicketDate(walk, draft, segment);
      return;
  }
}

function readRecordLocator(walk: Walk, draft: PnrDraft, segment: Segment): void {
  const locator = value(segment, 0, 1);
  if (!locator) throw segmentError(walk.ic.file, segment, "record locator (RCI) has no reservation number");
  draft.pnr.bookingRef = locator;
  // The creation date and time follow the locator (and in 10.1–11.1 a control type before them).
  const parts = (segment.elements[0] ?? []).slice(2).map((p) => p.trim());
  const dateAt = parts.findIndex((p) => /^\d{6}$/.test(p));
  if (dateAt === -1) return;
  draft.pnr.bookingDate = readDate(walk, segment, parts[dateAt] ?? "", parts[dateAt + 1], "near");
}

/** DAT+710 is the ticket issue date: the booking date when the locator carries none. */
function readTicketDate(walk: Walk, draft: PnrDraft, segment: Segment): void {
  if (draft.ticketDate) return;
  for (const element of segment.elements) {
    if (element[0]?.trim() === "710" && element[1]) {
      draft.ticketDate = readDate(walk, segment, element[1].trim(), element[2]?.trim(), "near");
      return;
    }
  }
}

/** `DDMMYY` (and `HHMM` or `HHMMSS`) → ISO; a bad date names the segment. */
function readDate(
  walk: Walk,
  segment: Segment,
  date: string,
  time: string | undefined,
  century: Century,
): string {
  const day = readDayFirst(date, walk.ic.referenceYear, century);
  if (day === undefined) throw segmentError(walk.ic.file, segment, `"${date}" is not a date DDMMYY`);
  if (!time) return day;
  const clock = isoTime(time);
  if (clock === undefined) throw segmentError(walk.ic.file, segment, `"${time}" is not a time HHMM`);
  return `${day}T${clock}`;
}

/** TVL date/time element: `DDMMYY:HHMM:DDMMYY:HHMM`, also `…:HHMM::HHMM` and `…:HHMM:HHMM` (same day). */
function readTimes(walk: Walk, segment: Segment): { departureTime?: string; arrivalTime?: string } {
  const [depDate, depTime, third, fourth] = [0, 1, 2, 3].map((i) => value(segment, 0, i));
  if (!depDate) return {};
  const arrivalIsTimeOnly = third !== undefined && /^\d{4}$/.test(third) && fourth === undefined;
  const arrDate = arrivalIsTimeOnly ? depDate : (third ?? depDate);
  const arrTime = arrivalIsTimeOnly ? third : fourth;
  return {
    departureTime: readDate(walk, segment, depDate, depTime, "near"),
    arrivalTime: arrTime || third ? readDate(walk, segment, arrDate, arrTime, "near") : undefined,
  };
}

function headerFlight(walk: Walk, segment: Segment): Flight {
  const { file } = walk.ic;
  const [departure, arrival] = [value(segment, 1), value(segment, 2)];
  const carrier = value(segment, 3, 0);
  const number = value(segment, 4, 0);
  if (!departure || !arrival || !carrier || !number) {
    throw segmentError(file, segment, "flight (TVL) needs departure, arrival, carrier and flight number");
  }
  return {
    carrier,
    number,
    legs: [
      {
        flightNumber: `${carrier}${number}`,
        departure,
        arrival,
        ...readTimes(walk, segment),
        marketingCarrier: carrier,
        operatingCarrier: value(segment, 3, 1),
      },
    ],
  };
}

function readItinerary(walk: Walk, draft: PnrDraft, segment: Segment): void {
  const { file } = walk.ic;
  const departure = value(segment, 1, 0);
  const arrival = value(segment, 2, 0);
  const flightNumber = value(segment, 4, 0);
  walk.traveller = undefined;
  if (!departure && !arrival && !value(segment, 0) && flightNumber) {
    // TVL+++++972:M — the operating flight of the codeshare segment before it
    if (!walk.segment)
      throw segmentError(file, segment, "operating flight (TVL) before any itinerary segment");
    walk.segment.operatingFlightNumber = flightNumber;
    walk.zone = "itinerary";
    return;
  }
  const marketingCarrier = value(segment, 3, 0);
  if (!departure || !arrival || !marketingCarrier || !flightNumber) {
    throw segmentError(
      file,
      segment,
      "itinerary segment (TVL) needs departure, arrival, carrier and flight number",
    );
  }
  walk.segment = {
    marketingCarrier,
    flightNumber,
    departure,
    arrival,
    ...readTimes(walk, segment),
    bookingClass: value(segment, 4, 1),
    operatingCarrier: value(segment, 3, 1),
  };
  draft.pnr.segments.push(walk.segment);
  walk.zone = "itinerary";
}

const SPACED_TITLE = /\s+(MRS|MR|MS|MISS|MSTR|DR)$/;
/** Titles glued to the given name (`SEJOONMR`); "MS" stays, as in WILLIAMS. */
const GLUED_TITLE = /(?<=[A-Z]{2})(MRS|MR|MSTR|MISS)$/;

export function stripTitle(given: string): string {
  return given.trim().replace(SPACED_TITLE, "").replace(GLUED_TITLE, "");
}

/** TIF+SURNAME:qualifier+GIVEN:type:ref:infant-indicator[+GIVEN:type:ref…] — one traveller per given name. */
function addTravellers(walk: Walk, draft: PnrDraft, segment: Segment): void {
  const { file } = walk.ic;
  const surname = value(segment, 0, 0);
  if (!surname) throw segmentError(file, segment, "traveller has no surname (TIF element 1)");
  if (!draft.pnr.bookingRef)
    throw segmentError(file, segment, "traveller before the PNR's record locator (RCI)");
  const named = segment.elements.slice(1).filter((e) => e.some((p) => p.trim() !== ""));
  for (const [index, element] of (named.length > 0 ? named : [[]]).entries()) {
    const givenNames = stripTitle(element[0] ?? "");
    const localRef = element[2]?.trim() || String(draft.travellers.length + 1);
    const ref = `${draft.pnr.bookingRef}/${localRef}`;
    if (draft.travellers.some((t) => t.ref === ref)) {
      throw segmentError(
        file,
        segment,
        `traveller reference ${localRef} appears twice in PNR ${draft.pnr.bookingRef}`,
      );
    }
    const role = element[1]?.trim() === "IN" ? "infant" : "passenger";
    const traveller = addTraveller(draft, localRef, role, surname, givenNames);
    if (index === 0) walk.traveller = traveller;
  }
  walk.zone = "traveller";
}

/** The traveller a reference names; a PNR with one traveller needs none (senders number them oddly). */
function travellerByRef(
  walk: Walk,
  draft: PnrDraft,
  segment: Segment,
  localRef: string | undefined,
): Traveller {
  const found = draft.travellers.find((t) => draft.localRefs.get(t) === localRef);
  if (found) return found;
  const adults = draft.travellers.filter((t) => t.role !== "infant");
  if (adults.length === 1 && adults[0]) return adults[0];
  throw segmentError(
    walk.ic.file,
    segment,
    `traveller reference "${localRef ?? ""}" names no traveller of PNR ${draft.pnr.bookingRef}`,
  );
}

/** A check-in TIF names a traveller already booked: by reference, else by name. */
function findTraveller(walk: Walk, draft: PnrDraft, segment: Segment): Traveller {
  const localRef = value(segment, 1, 2);
  const byRef = draft.travellers.find((t) => draft.localRefs.get(t) === localRef);
  if (byRef) return byRef;
  const surname = value(segment, 0, 0);
  const given = stripTitle(value(segment, 1, 0) ?? "");
  const byName = draft.travellers.find((t) => t.surname === surname && t.givenNames === given);
  if (byName) return byName;
  throw segmentError(
    walk.ic.file,
    segment,
    `checked-in traveller ${given} ${surname} is not booked on the PNR`,
  );
}

/** The traveller an SSR is about: the one its reference names, else the TIF it follows. */
function ssrTraveller(
  walk: Walk,
  draft: PnrDraft,
  segment: Segment,
  localRef: string | undefined,
): Traveller {
  const named = draft.travellers.find((t) => draft.localRefs.get(t) === localRef);
  if (named) return named;
  if (walk.zone === "traveller" && walk.traveller) return walk.traveller;
  return travellerByRef(walk, draft, segment, localRef);
}

const SEAT_SSRS = new Set(["SEAT", "RQST", "NSST", "NSSA", "NSSW", "SMST", "SMSA", "SMSW"]);
const SEAT = /^\d{1,3}[A-Z]$/;

function readSsr(walk: Walk, draft: PnrDraft, segment: Segment): void {
  const code = value(segment, 0, 0);
  const text = segment.elements[0]?.[8] ?? "";
  const localRef = value(segment, 1, 2);
  if (code === "DOCS") readDocs(walk, draft, segment, text, localRef);
  else if (code === "DOCO") readDoco(walk, draft, segment, text, localRef);
  else if (code === "INFT") readInfant(walk, draft, segment, text, localRef);
  else if (code && SEAT_SSRS.has(code)) {
    for (const element of segment.elements.slice(1)) {
      const seat = element[0]?.trim() ?? "";
      if (seat === "" || seat === "XXX") continue;
      const normalised = normaliseSeat(seat);
      if (!SEAT.test(normalised))
        throw segmentError(walk.ic.file, segment, `seat "${seat}" is not a row and letter`);
      const traveller = ssrTraveller(walk, draft, segment, element[2]?.trim());
      addSeat(draft, traveller, normalised, value(segment, 0, 6), value(segment, 0, 7));
    }
  }
}

function docDate(
  walk: Walk,
  segment: Segment,
  text: string | undefined,
  century: Century,
): string | undefined {
  if (!text) return undefined;
  const date = readDayMonthName(text.trim(), walk.ic.referenceYear, century);
  if (date === undefined) throw segmentError(walk.ic.file, segment, `"${text}" is not a date like 30MAY76`);
  return date;
}

/** SSR DOCS free text: /type/issuer/number/nationality/birth/gender/expiry/surname/given/middle */
function readDocs(
  walk: Walk,
  draft: PnrDraft,
  segment: Segment,
  text: string,
  localRef: string | undefined,
): void {
  const [, type, issuer, number, nationality, birth, gender, expiry, surname, given, middle] = text
    .split("/")
    .map((part) => part.trim() || undefined);
  const document: TravelDocument | undefined = number
    ? { number, type, issuingCountry: issuer, nationality, expiry: docDate(walk, segment, expiry, "near") }
    : undefined;
  const infant = gender === "FI" || gender === "MI";
  const adult = ssrTraveller(walk, draft, segment, localRef);
  const docs: SsrDocs = {
    travellerRef: adult.ref,
    document,
    surname,
    givenNames: [given, middle].filter(Boolean).join(" ") || undefined,
    birthDate: docDate(walk, segment, birth, "past"),
    gender: infant ? gender?.[0] : gender,
    nationality,
  };
  if (infant) draft.infantDocs.push({ adult, docs });
  else applyDocs(adult, docs);
  draft.pnr.ssrDocs.push(docs);
}

function applyDocs(traveller: Traveller, docs: SsrDocs): void {
  traveller.gender ??= docs.gender;
  traveller.birthDate ??= docs.birthDate;
  traveller.nationality ??= docs.nationality;
  const { document } = docs;
  if (
    document &&
    !traveller.documents.some((d) => d.number === document.number && d.type === document.type)
  ) {
    traveller.documents.push(document);
  }
}

/** SSR DOCO free text: place of birth/type/number/place of issue/issue date/applicable country */
function readDoco(
  walk: Walk,
  draft: PnrDraft,
  segment: Segment,
  text: string,
  localRef: string | undefined,
): void {
  const [placeOfBirth, type, number, placeOfIssue, issued, applicableCountry] = text
    .split("/")
    .map((part) => part.trim() || undefined);
  if (!number) throw segmentError(walk.ic.file, segment, "DOCO names no document number");
  const traveller = ssrTraveller(walk, draft, segment, localRef);
  const issueDate = docDate(walk, segment, issued, "past");
  draft.pnr.visas.push({
    travellerRef: traveller.ref,
    number,
    type,
    placeOfIssue,
    issueDate,
    applicableCountry,
    placeOfBirth,
  });
  if (!traveller.documents.some((d) => d.number === number))
    traveller.documents.push({ number, type, issueDate });
}

/** SSR INFT free text: SURNAME/GIVEN/30MAY76 — the infant on an adult's lap. */
function readInfant(
  walk: Walk,
  draft: PnrDraft,
  segment: Segment,
  text: string,
  localRef: string | undefined,
): void {
  const [surname, given, birth] = text.split("/").map((part) => part.trim());
  if (!surname) throw segmentError(walk.ic.file, segment, "INFT names no infant surname");
  const adult =
    walk.zone === "traveller" || localRef ? ssrTraveller(walk, draft, segment, localRef) : undefined;
  draft.infants.push({
    adult,
    surname,
    givenNames: stripTitle(given ?? ""),
    birthDate: docDate(walk, segment, birth, "past"),
  });
}

function readCheckInSeat(walk: Walk, draft: PnrDraft, segment: Segment): void {
  const seat = value(segment, 0);
  if (!seat || seat === "XXX" || !walk.traveller) return;
  const normalised = normaliseSeat(seat);
  if (!SEAT.test(normalised))
    throw segmentError(walk.ic.file, segment, `seat "${seat}" is not a row and letter`);
  addSeat(draft, walk.traveller, normalised, walk.segment?.departure, walk.segment?.arrival);
}

/** Seats repeat (SSR SEAT, then SSD at check-in); the last one given for a route stands. */
function addSeat(
  draft: PnrDraft,
  traveller: Traveller,
  seat: string,
  departure?: string,
  arrival?: string,
): void {
  const seats = draft.pnr.seats;
  const same = seats.findIndex(
    (s) => s.travellerRef === traveller.ref && s.departure === departure && s.arrival === arrival,
  );
  if (same !== -1) seats.splice(same, 1);
  seats.push({ travellerRef: traveller.ref, seat, departure, arrival });
}

const WEIGHT_UNITS: Record<string, string> = { "700": "KGM", "701": "LBR" };

/** TBD++2:34:700++MP+618:1026000001:2:MPM — pieces, weight and tags of a checked-in traveller. */
function readBags(walk: Walk, segment: Segment): void {
  const traveller = walk.traveller;
  if (!traveller || traveller.baggage) return; // the same bags repeat on every segment
  const [pieces, weight, unit] = [0, 1, 2].map((i) => value(segment, 1, i));
  const baggage: Baggage = { tags: [] };
  if (pieces !== undefined) baggage.pieces = segmentNumber(walk.ic.file, segment, pieces, "bag count");
  if (weight !== undefined) {
    baggage.weight = {
      value: segmentNumber(walk.ic.file, segment, weight, "bag weight"),
      unit: ownEntry(WEIGHT_UNITS, unit ?? "") ?? unit ?? "",
    };
  }
  for (const element of segment.elements.slice(4)) {
    const tag = element[1]?.trim();
    if (tag)
      baggage.tags.push(
        ...expandBagTags(
          tag,
          segmentNumber(walk.ic.file, segment, element[2]?.trim() || "1", "bag tag count"),
        ),
      );
  }
  baggage.tags = [...new Set(baggage.tags)];
  traveller.baggage = baggage;
}

function readAgency(segment: Segment): Pnr["travelAgency"] {
  return {
    system: value(segment, 0, 0),
    location: value(segment, 0, 1),
    iataNumber: value(segment, 1, 0),
    agentId: value(segment, 1, 1),
    originatorType: value(segment, 4, 0),
    country: value(segment, 5, 0),
  };
}

/** IATA's e-mail escapes in SSR/OSI text: `//` is @, `..` is _, `./` is -. */
function decodeEmail(text: string): string {
  return text.replaceAll("//", "@").replaceAll("..", "_").replaceAll("./", "-");
}

/** Contacts from IFT (CTCE e-mail, CTCx phones; 4:43 billing contact) and ADD (address, phone). */
function readContacts(segment: Segment, walk: Walk): Contact[] {
  const travellerRef = walk.zone === "traveller" ? walk.traveller?.ref : undefined;
  const contact = (kind: Contact["kind"], text: string | undefined): Contact[] =>
    text ? [{ kind, value: text, ...(travellerRef ? { travellerRef } : {}) }] : [];
  if (segment.tag === "ADD") {
    const [street, city, state, , country, postcode, last] = [1, 2, 3, 4, 5, 6, 7].map((i) =>
      value(segment, 1, i),
    );
    // The last component is the telephone; some senders put the postcode there instead.
    const phone = last && /\d{4}/.test(last) ? last : undefined;
    const address = [street, city, state, postcode ?? (phone ? undefined : last), country]
      .filter(Boolean)
      .join(", ");
    return [...contact("address", address || undefined), ...contact("phone", phone)];
  }
  const kind = value(segment, 0, 1);
  if (kind === "43")
    return [...contact("address", value(segment, 2)), ...contact("phone", value(segment, 3))];
  if (kind !== "28") return [];
  const text = segment.elements
    .slice(1)
    .map((e) => e.join(":"))
    .join(" ");
  const email = /\bCTCE\s*(.+)$/.exec(text);
  if (email?.[1]) return contact("email", decodeEmail(email[1].trim()));
  const phone = /\bCTC[A-Z]?\s+(.+)$/.exec(text) ?? /\bCTC(.+)$/.exec(text);
  return contact("phone", phone?.[1]?.trim());
}

/** Settles infants and seats, and checks the PNR is whole. */
function finishPnr(walk: Walk, draft: PnrDraft, flight: Flight): Pnr {
  const { file } = walk.ic;
  const { pnr } = draft;
  if (!pnr.bookingRef) throw segmentError(file, draft.src, "PNR has no record locator (RCI)");
  if (draft.travellers.length === 0)
    throw segmentError(file, draft.src, `PNR ${pnr.bookingRef} has no travellers (TIF)`);
  for (const note of draft.infants) {
    const infant = infantFor(draft, note.surname, note.givenNames, note.adult);
    infant.birthDate ??= note.birthDate;
  }
  for (const { docs, adult } of draft.infantDocs) {
    const infant = infantFor(draft, docs.surname ?? "", docs.givenNames ?? "", adult);
    docs.travellerRef = infant.ref;
    applyDocs(infant, docs);
  }
  pnr.bookingDate ??= draft.ticketDate;
  pnr.travellers = draft.travellers.map((t) => t.ref);
  const leg = flight.legs[0];
  for (const traveller of draft.travellers) {
    const seat = pnr.seats.find(
      (s) => s.travellerRef === traveller.ref && s.departure === leg?.departure && s.arrival === leg?.arrival,
    )?.seat;
    if (seat) traveller.seat = seat;
  }
  return pnr;
}

/** The infant a note names (by name), else a new infant traveller on the PNR. */
function infantFor(
  draft: PnrDraft,
  surname: string,
  givenNames: string,
  adult: Traveller | undefined,
): Traveller {
  const squash = (s: string) => s.replace(/\s+/g, "");
  const infants = draft.travellers.filter((t) => t.role === "infant");
  const match =
    infants.find(
      (t) => squash(t.surname) === squash(surname) && squash(t.givenNames) === squash(givenNames),
    ) ??
    infants.find((t) => squash(t.surname) === squash(surname)) ??
    (infants.length === 1 ? infants[0] : undefined);
  if (match) return match;
  const localRef = `${adult ? draft.localRefs.get(adult) : draft.travellers.length + 1}-INF`;
  return addTraveller(draft, localRef, "infant", surname, givenNames);
}

/** A new traveller of this PNR, known by its PNR-local reference for later segments. */
function addTraveller(
  draft: PnrDraft,
  localRef: string,
  role: "passenger" | "infant",
  surname: string,
  givenNames: string,
): Traveller {
  const traveller: Traveller = {
    ref: `${draft.pnr.bookingRef}/${localRef}`,
    role,
    surname,
    givenNames,
    fullName: fullName(givenNames, surname),
    documents: [],
    pnrRef: draft.pnr.bookingRef,
  };
  draft.travellers.push(traveller);
  draft.localRefs.set(traveller, localRef);
  return traveller;
}
