/**
 * One evaluator per rule kind: reads the rule's parameters and the traveller's itinerary, and returns the
 * hit with an explanation an officer can check, or nothing. Pure: airports come through the locator.
 */
import type { RuleHit } from "../alerts/types.ts";
import { type AirportLocator, distanceKm } from "./airports.ts";
import { hoursBetween, type Itinerary } from "./itinerary.ts";
import type { Rule, RuleKind, RuleParameters, Zone } from "./rules.ts";

/** What the rules know about one traveller on one journey. */
export interface RuleSubject {
  itinerary: Itinerary;
  /** Co-travellers on the same PNR who match a registered subject, as `name (matches caption, score)`. */
  coTravellerMatches: string[];
}

export interface RuleEnvironment {
  airports: AirportLocator;
}

type Evaluator<K extends RuleKind> = (
  parameters: RuleParameters<K>,
  subject: RuleSubject,
  env: RuleEnvironment,
) => string | undefined;

function airportsOf(itinerary: Itinerary): string[] {
  return [...new Set(itinerary.segments.flatMap((s) => [s.from, s.to]))];
}

/** `IST (Istanbul, 22 km)` for the first zone an airport lies in, or undefined. */
function nearZone(iata: string, zones: readonly Zone[], env: RuleEnvironment): string | undefined {
  const at = env.airports(iata);
  if (!at) return undefined;
  for (const zone of zones) {
    const km = distanceKm(at, zone);
    if (km <= zone.radiusKm) return `${iata} (${zone.name}, ${Math.round(km)} km)`;
  }
  return undefined;
}

const EVALUATORS: { [K in RuleKind]: Evaluator<K> } = {
  "zone-proximity": ({ zones }, { itinerary }, env) => {
    const near = airportsOf(itinerary).flatMap((iata) => nearZone(iata, zones, env) ?? []);
    return near.length ? `itinerary touches ${near.join(", ")}` : undefined;
  },
  "one-way": (_, { itinerary }) => {
    const { segments } = itinerary;
    const origin = segments[0]?.from;
    if (!itinerary.wholeBooking || !origin) return undefined;
    if (segments.some((s) => s.to === origin)) return undefined;
    return `booking ${itinerary.pnrRef ?? ""} goes ${origin} → ${segments.at(-1)?.to} with no return`.replace(
      "  ",
      " ",
    );
  },
  "late-booking": ({ hours }, { itinerary }) => {
    const departure = itinerary.segments[0]?.departure;
    if (!itinerary.bookingDate || !departure) return undefined;
    // A date without a time is read at its latest for the departure and earliest for the booking,
    // so the rule only fires when the booking was surely that late.
    const latestDeparture = departure.length === 10 ? `${departure}T23:59` : departure;
    const gap = hoursBetween(itinerary.bookingDate, latestDeparture);
    if (gap < 0 || gap >= hours) return undefined;
    return `booked ${itinerary.bookingDate}, departs ${departure}: under ${hours} h before departure`;
  },
  "payment-form": ({ forms }, { itinerary }) => {
    const wanted = new Set(forms.map((f) => f.toUpperCase()));
    const used = itinerary.formsOfPayment.filter((f) => wanted.has(f.toUpperCase()));
    return used.length ? `paid with ${used.join(", ")}` : undefined;
  },
  "co-traveller-of-subject": (_, { itinerary, coTravellerMatches }) =>
    coTravellerMatches.length
      ? `on PNR ${itinerary.pnrRef ?? "?"} with ${coTravellerMatches.join("; ")}`
      : undefined,
  "broken-journey": ({ hubs, minStopHours }, { itinerary }, env) => {
    const { segments } = itinerary;
    for (let i = 0; i + 1 < segments.length; i++) {
      const [arriving, leaving] = [segments[i], segments[i + 1]];
      if (!arriving || !leaving) continue;
      const hub = nearZone(arriving.to, hubs, env) ?? nearZone(leaving.from, hubs, env);
      if (!hub) continue;
      if (leaving.from !== arriving.to)
        return `arrives ${arriving.to} on ${arriving.flight}, continues from ${leaving.from} on ${leaving.flight} (${hub})`;
      const landed = arriving.arrival ?? arriving.departure;
      if (landed && leaving.departure) {
        const stop = hoursBetween(landed, leaving.departure);
        if (stop >= minStopHours)
          return `stops ${Math.round(stop)} h at ${hub} between ${arriving.flight} and ${leaving.flight}`;
      }
    }
    return undefined;
  },
};

/** Evaluates every enabled rule; each hit carries the rule's id, version, severity and explanation. */
export function evaluateRules(rules: readonly Rule[], subject: RuleSubject, env: RuleEnvironment): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const evaluate = EVALUATORS[rule.kind] as Evaluator<RuleKind>;
    const detail = evaluate(rule.parameters as RuleParameters<RuleKind>, subject, env);
    if (detail) hits.push({ ruleId: rule.id, ruleVersion: rule.version, severity: rule.severity, detail });
  }
  return hits;
}
