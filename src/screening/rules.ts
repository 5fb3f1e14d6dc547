/**
 * Screening rules as declarative data: each rule has an id, a version, a kind (which evaluator reads it),
 * a description, a severity and the kind's parameters. Rules are stored and versioned (rule-store.ts);
 * these are the defaults a new store starts with. Parameters are validated with zod at every edge.
 */
import { z } from "zod";
import { SEVERITIES } from "../alerts/types.ts";
import { badInput } from "../platform/errors.ts";

const zone = z.object({
  name: z.string().min(1),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  radiusKm: z.number().positive(),
});
export type Zone = z.infer<typeof zone>;

export const RULE_PARAMETERS = {
  /** The itinerary touches an airport within a zone's radius. */
  "zone-proximity": z.object({ zones: z.array(zone).min(1) }),
  /** The booking's segments never come back to where the journey starts (needs the whole PNR). */
  "one-way": z.object({}),
  /** Booked less than `hours` before the first departure. */
  "late-booking": z.object({ hours: z.number().positive() }),
  /** Paid with one of these forms of payment (PNRGOV FOP codes, e.g. CA = cash). */
  "payment-form": z.object({ forms: z.array(z.string().min(1)).min(1) }),
  /** Booked on the same PNR as a traveller who matches a registered subject. */
  "co-traveller-of-subject": z.object({}),
  /** The journey breaks at a hub: continues from another airport, or stays at least `minStopHours`. */
  "broken-journey": z.object({ hubs: z.array(zone).min(1), minStopHours: z.number().positive() }),
} as const;

export type RuleKind = keyof typeof RULE_PARAMETERS;
export const RULE_KINDS = Object.keys(RULE_PARAMETERS) as RuleKind[];
export type RuleParameters<K extends RuleKind> = z.infer<(typeof RULE_PARAMETERS)[K]>;

const ruleShape = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "rule ids are lower-case words joined by hyphens"),
  version: z.number().int().positive(),
  kind: z.enum(RULE_KINDS as [RuleKind, ...RuleKind[]]),
  description: z.string().min(1),
  severity: z.enum(SEVERITIES),
  parameters: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
});
export type Rule = z.infer<typeof ruleShape>;

/** A rule from stored or user data, with its parameters checked against its kind; bad input names the field. */
export function parseRule(value: unknown, where: string): Rule {
  const shape = ruleShape.safeParse(value);
  if (!shape.success) {
    const issue = shape.error.issues[0];
    throw badInput(issue?.message ?? "invalid rule", `${where}.${issue?.path.join(".") ?? ""}`);
  }
  const parameters = RULE_PARAMETERS[shape.data.kind].safeParse(shape.data.parameters);
  if (!parameters.success) {
    const issue = parameters.error.issues[0];
    throw badInput(
      issue?.message ?? "invalid parameters",
      `${where}.parameters.${issue?.path.join(".") ?? ""}`,
    );
  }
  return { ...shape.data, parameters: parameters.data as Record<string, unknown> };
}

/** Border regions where FTFs crossed into Syria and Iraq (centre and radius; adjust per deployment). */
export const CONFLICT_ZONES: Zone[] = [
  { name: "Syria–Turkey border region", latitude: 36.8, longitude: 37.3, radiusKm: 160 },
  { name: "Syria–Iraq border region", latitude: 34.9, longitude: 41.2, radiusKm: 300 },
];

/** The usual transit hubs on the way to those border regions. */
export const TRANSIT_HUBS: Zone[] = [
  { name: "Istanbul", latitude: 41.05, longitude: 29.0, radiusKm: 60 },
  { name: "Adana", latitude: 36.98, longitude: 35.3, radiusKm: 50 },
  { name: "Gaziantep", latitude: 36.95, longitude: 37.48, radiusKm: 40 },
];

const rule = (
  id: string,
  kind: RuleKind,
  severity: Rule["severity"],
  description: string,
  parameters: Record<string, unknown> = {},
): Rule => ({ id, version: 1, kind, description, severity, parameters, enabled: true });

export const DEFAULT_RULES: Rule[] = [
  rule(
    "near-conflict-zone",
    "zone-proximity",
    "high",
    "Itinerary touches an airport near a conflict border region",
    {
      zones: CONFLICT_ZONES,
    },
  ),
  rule("via-transit-hub", "zone-proximity", "low", "Itinerary passes through a usual transit hub", {
    zones: TRANSIT_HUBS,
  }),
  rule("one-way-ticket", "one-way", "low", "One-way ticket: the booking never returns to its origin"),
  rule("late-booking", "late-booking", "medium", "Booked less than 24 hours before departure", { hours: 24 }),
  rule("cash-payment", "payment-form", "medium", "Ticket paid in cash", { forms: ["CA", "CASH"] }),
  rule(
    "co-traveller-of-subject",
    "co-traveller-of-subject",
    // Medium: the subject's own alert brings the officer to the PNR; companions alone do not raise one.
    "medium",
    "Travels on the same PNR as a traveller who matches a registered subject",
  ),
  rule("broken-journey-at-hub", "broken-journey", "medium", "Broken journey at a transit hub", {
    hubs: TRANSIT_HUBS,
    minStopHours: 24,
  }),
];
