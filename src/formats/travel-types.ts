/**
 * What the travel-message parsers (PAXLST, PNRGOV) hand to screening. Codes are kept as sent (airport IATA,
 * nationality alpha-3 or alpha-2, document type); dates are ISO (`YYYY-MM-DD`, times `YYYY-MM-DDTHH:MM`,
 * local to the airport as the message gives them, no zone).
 */

export type TravellerRole = "passenger" | "crew" | "infant";

export interface Leg {
  /** The leg's own flight designator (`AA124`) when a manifest's legs fly under different numbers. */
  flightNumber?: string;
  departure: string;
  arrival: string;
  departureTime?: string;
  arrivalTime?: string;
  operatingCarrier?: string;
  marketingCarrier?: string;
}

export interface Flight {
  carrier: string;
  /** As sent, e.g. `0989` or `532`. */
  number: string;
  legs: Leg[];
}

export interface TravelDocument {
  number: string;
  /** `P` passport, `V` visa, `I`/`ID` identity card, … as sent. */
  type?: string;
  issuingCountry?: string;
  expiry?: string;
  issueDate?: string;
  nationality?: string;
}

export interface Baggage {
  pieces?: number;
  weight?: { value: number; unit: string };
  /** Bag tag numbers; a tag sent with a count of consecutive tags is expanded. */
  tags: string[];
}

export interface Traveller {
  /** Unique within the manifest: PAXLST order (`1`, `2`, …), PNRGOV `<booking ref>/<traveller ref>`. */
  ref: string;
  role: TravellerRole;
  surname: string;
  givenNames: string;
  /** Given names then surname, single-spaced. */
  fullName: string;
  /** `M`, `F`, `U` or `X` as sent. */
  gender?: string;
  birthDate?: string;
  /** As sent (PAXLST alpha-3, PNRGOV DOCS alpha-2 or alpha-3). */
  nationality?: string;
  residence?: string;
  documents: TravelDocument[];
  seat?: string;
  baggage?: Baggage;
  /** The traveller's own reference in the reservation (PAXLST RFF+ABO, PNRGOV REF). */
  reservationRef?: string;
  /** The record locator of the PNR the traveller is booked on (PAXLST RFF+AVF, PNRGOV RCI). */
  pnrRef?: string;
}

export interface Contact {
  kind: "email" | "phone" | "address";
  value: string;
  /** Set when the contact was given for one traveller rather than for the whole booking. */
  travellerRef?: string;
}

/** One itinerary segment of a PNR; a codeshare names the operating carrier and its flight number. */
export interface PnrSegment {
  marketingCarrier: string;
  flightNumber: string;
  departure: string;
  arrival: string;
  departureTime?: string;
  arrivalTime?: string;
  bookingClass?: string;
  operatingCarrier?: string;
  operatingFlightNumber?: string;
}

/** SSR DOCS: the document and identity a traveller declared for the booking. */
export interface SsrDocs {
  travellerRef: string;
  document?: TravelDocument;
  surname?: string;
  givenNames?: string;
  birthDate?: string;
  gender?: string;
  nationality?: string;
}

/** SSR DOCO: a visa or other document for the destination. */
export interface Visa {
  travellerRef: string;
  number: string;
  type?: string;
  placeOfIssue?: string;
  issueDate?: string;
  applicableCountry?: string;
  placeOfBirth?: string;
}

export interface SeatAssignment {
  travellerRef: string;
  seat: string;
  departure?: string;
  arrival?: string;
}

/** The booking office (PNRGOV ORG inside a PNR): a travel agency when it carries an IATA agency number. */
export interface TravelAgency {
  system?: string;
  location?: string;
  iataNumber?: string;
  agentId?: string;
  /** `T` travel agent, `A` airline agent, … as sent. */
  originatorType?: string;
  country?: string;
}

export interface Pnr {
  bookingRef: string;
  bookingDate?: string;
  travelAgency?: TravelAgency;
  contacts: Contact[];
  formOfPayment?: string[];
  segments: PnrSegment[];
  /** Refs of the travellers on this PNR (co-travellers of each other). */
  travellers: string[];
  ssrDocs: SsrDocs[];
  visas: Visa[];
  seats: SeatAssignment[];
}

export interface Manifest {
  kind: "paxlst" | "pnrgov";
  /** `D02B`, `D05B`, `CEDIPAX`, `11.1`, `13.1`, … */
  version?: string;
  messageRef?: string;
  sender?: string;
  /** Preparation date of the interchange (UNB). */
  preparedOn?: string;
  flight: Flight;
  travellers: Traveller[];
  pnrs?: Pnr[];
}

export function fullName(givenNames: string, surname: string): string {
  return `${givenNames} ${surname}`.replace(/\s+/g, " ").trim();
}

/** Seat numbers as `74E`: airlines pad the row (`074E`, `056F`). */
export function normaliseSeat(seat: string): string {
  return seat.trim().replace(/^0+(?=\d)/, "");
}

/** A bag tag sent with a count of consecutive tags (`2660040` × 3) as the tag numbers themselves. */
export function expandBagTags(first: string, consecutive: number): string[] {
  if (!/^\d+$/.test(first) || consecutive <= 1) return [first];
  return Array.from({ length: consecutive }, (_, i) =>
    String(BigInt(first) + BigInt(i)).padStart(first.length, "0"),
  );
}
