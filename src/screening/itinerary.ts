/**
 * A traveller's journey as the rules see it: the PNR's segments when a PNR names the traveller, otherwise
 * the manifest's flight legs. Only a PNR tells the whole booking (return, booking date, payment).
 */
import type { Manifest, Pnr, Traveller } from "../formats/travel-types.ts";

export interface Segment {
  flight: string;
  from: string;
  to: string;
  /** Local time as sent, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`. */
  departure?: string;
  arrival?: string;
}

export interface Itinerary {
  segments: Segment[];
  /** True when the segments are the whole booking (a PNR), not just the flight of a manifest. */
  wholeBooking: boolean;
  bookingDate?: string;
  formsOfPayment: string[];
  /** Record locator: travellers sharing it are co-travellers. */
  pnrRef?: string;
}

export function pnrOf(manifest: Manifest, traveller: Traveller): Pnr | undefined {
  return manifest.pnrs?.find((pnr) => pnr.travellers.includes(traveller.ref));
}

const byDeparture = (a: Segment, b: Segment) => (a.departure ?? "").localeCompare(b.departure ?? "");

export function itineraryFor(manifest: Manifest, traveller: Traveller): Itinerary {
  const pnr = pnrOf(manifest, traveller);
  if (pnr && pnr.segments.length > 0) {
    const itinerary: Itinerary = {
      segments: pnr.segments
        .map((s) => {
          const segment: Segment = {
            flight: `${s.marketingCarrier}${s.flightNumber}`,
            from: s.departure,
            to: s.arrival,
          };
          if (s.departureTime) segment.departure = s.departureTime;
          if (s.arrivalTime) segment.arrival = s.arrivalTime;
          return segment;
        })
        .sort(byDeparture),
      wholeBooking: true,
      formsOfPayment: pnr.formOfPayment ?? [],
      pnrRef: pnr.bookingRef,
    };
    if (pnr.bookingDate) itinerary.bookingDate = pnr.bookingDate;
    return itinerary;
  }
  const { flight } = manifest;
  const itinerary: Itinerary = {
    segments: flight.legs.map((leg) => {
      const segment: Segment = {
        flight: leg.flightNumber ?? `${flight.carrier}${flight.number}`,
        from: leg.departure,
        to: leg.arrival,
      };
      if (leg.departureTime) segment.departure = leg.departureTime;
      if (leg.arrivalTime) segment.arrival = leg.arrivalTime;
      return segment;
    }),
    wholeBooking: false,
    formsOfPayment: pnr?.formOfPayment ?? [],
  };
  const pnrRef = traveller.pnrRef ?? pnr?.bookingRef;
  if (pnrRef) itinerary.pnrRef = pnrRef;
  if (pnr?.bookingDate) itinerary.bookingDate = pnr.bookingDate;
  return itinerary;
}

/** Hours from one local time to another (both as sent, read alike so the zone cancels out). */
export function hoursBetween(from: string, to: string): number {
  return (
    (Date.parse(`${to.length === 10 ? `${to}T00:00` : to}Z`) -
      Date.parse(`${from.length === 10 ? `${from}T00:00` : from}Z`)) /
    3_600_000
  );
}
