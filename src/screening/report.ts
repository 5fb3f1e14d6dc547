/**
 * The outward shape of a screening, as `ftfx screen manifest --json` prints it and `POST /api/v1/manifests`
 * answers: the flight, the traveller count and one alert per alerted traveller, highest priority first.
 */
import { rankHits } from "../alerts/service.ts";
import type { ClearedMatch } from "../alerts/types.ts";
import type { Flight } from "../formats/travel-types.ts";
import type { MatchResult } from "../matching/types.ts";
import type { TravellerResult } from "./screen.ts";

export interface ReportAlert {
  traveller: { name: string; birthDate?: string; nationality?: string; documentNumber?: string };
  score: number;
  matches: MatchResult[];
  ruleHits: { ruleId: string; severity: string; detail: string }[];
  /** The queued alert, when the screening was stored. */
  alertId?: string;
}

export interface ManifestReport {
  flight: Flight;
  travellers: number;
  alerts: ReportAlert[];
  /** Travellers not alerted because an officer cleared the same evidence before (store screening only). */
  clearedBefore?: { traveller: ReportAlert["traveller"]; cleared: ClearedMatch[] }[];
}

export function resultPriority(result: TravellerResult): number {
  return rankHits(result.matches, result.ruleHits).priority;
}

export function reportAlert(result: TravellerResult, alertId?: string): ReportAlert {
  const alert: ReportAlert = {
    traveller: { ...result.subject },
    score: result.score,
    matches: result.matches,
    ruleHits: result.ruleHits.map(({ ruleId, severity, detail }) => ({ ruleId, severity, detail })),
  };
  if (alertId) alert.alertId = alertId;
  return alert;
}

export function manifestReport(
  flight: Flight,
  results: readonly TravellerResult[],
  alertIds: ReadonlyMap<string, string> = new Map(),
): ManifestReport {
  const alerted = results
    .filter((r) => r.alert)
    .sort(
      (a, b) => resultPriority(b) - resultPriority(a) || a.traveller.ref.localeCompare(b.traveller.ref, "en"),
    );
  const report: ManifestReport = {
    flight,
    travellers: results.length,
    alerts: alerted.map((r) => reportAlert(r, alertIds.get(r.traveller.ref))),
  };
  const cleared = results.filter((r) => !r.alert && r.cleared.length > 0);
  if (cleared.length)
    report.clearedBefore = cleared.map((r) => ({ traveller: { ...r.subject }, cleared: r.cleared }));
  return report;
}
