/**
 * The alert queue: create (one alert per subject per occasion, holding all hits), list by priority, show
 * with history. Traveller screening and payment screening both create alerts here.
 */
import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { MatchResult } from "../matching/types.ts";
import type { DbOrTx } from "../platform/db.ts";
import { notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { LOCAL_AGENCY, type SharingContext } from "../sharing/context.ts";
import { alertDecisions, alerts } from "./schema.ts";
import {
  type Alert,
  type AlertDecision,
  type AlertFilter,
  type AlertKind,
  type AlertStatus,
  type AlertSubject,
  type AlertWithHistory,
  type ClearedMatch,
  type Decision,
  maxSeverity,
  type NewAlert,
  type RedressEvidence,
  type RuleHit,
  SEVERITY_RANK,
  type Severity,
} from "./types.ts";

/** Who acts and when; the same context the sharing services take. */
export type AlertContext = SharingContext;

/** A watchlist match this strong is critical on its own; any alerting match is at least high. */
const CRITICAL_MATCH = 0.95;

export function matchSeverity(matches: readonly MatchResult[]): Severity | undefined {
  const best = matches[0]?.score ?? 0;
  if (!matches.some((m) => m.alert)) return undefined;
  return best >= CRITICAL_MATCH ? "critical" : "high";
}

/** Severity first, then the best score: a critical rule outranks any score, a 0.99 match a 0.8 one. */
export function alertPriority(severity: Severity, score: number): number {
  return SEVERITY_RANK[severity] + Math.min(Math.max(score, 0), 0.999);
}

/** An alert's severity (worst hit), best score and queue priority, from its hits. */
export function rankHits(
  matches: readonly MatchResult[],
  ruleHits: readonly RuleHit[],
): { severity: Severity; score: number; priority: number } {
  const sorted = [...matches].sort((a, b) => b.score - a.score);
  const fromMatches = matchSeverity(sorted);
  const severity =
    maxSeverity([...ruleHits.map((h) => h.severity), ...(fromMatches ? [fromMatches] : [])]) ?? "low";
  const score = sorted[0]?.score ?? 0;
  return { severity, score, priority: alertPriority(severity, score) };
}

type AlertRow = typeof alerts.$inferSelect;
type DecisionRow = typeof alertDecisions.$inferSelect;

const iso = (value: string) => new Date(value).toISOString();

function toAlert(row: AlertRow): Alert {
  const alert: Alert = {
    id: row.id,
    kind: row.kind as AlertKind,
    occasionKey: row.occasionKey,
    status: row.status as AlertStatus,
    severity: row.severity as Severity,
    score: row.score,
    priority: row.priority,
    subject: row.subject as unknown as AlertSubject,
    matches: row.matches as MatchResult[],
    ruleHits: row.ruleHits as RuleHit[],
    cleared: row.cleared as ClearedMatch[],
    context: row.context,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
  if (row.evidence) alert.evidence = row.evidence as unknown as RedressEvidence;
  if (row.travellerId) alert.travellerId = row.travellerId;
  if (row.manifestId) alert.manifestId = row.manifestId;
  if (row.assignee) alert.assignee = row.assignee;
  return alert;
}

export function toDecision(row: DecisionRow): AlertDecision {
  const decision: AlertDecision = {
    id: row.id,
    alertId: row.alertId,
    decision: row.decision as Decision,
    fromStatus: row.fromStatus as AlertStatus,
    toStatus: row.toStatus as AlertStatus,
    reason: row.reason,
    notSamePerson: row.notSamePerson,
    actor: row.actor,
    at: iso(row.at),
  };
  if (row.assignee) decision.assignee = row.assignee;
  return decision;
}

/**
 * Creates the alerts, one per (kind, occasion key). An occasion screened again refreshes its alert's hits
 * while it is still open; a decided alert stays as the officer left it. Returns the alerts as stored.
 */
export async function createAlerts(
  db: DbOrTx,
  items: readonly NewAlert[],
  context: AlertContext,
): Promise<Alert[]> {
  const now = context.clock.now().toISOString();
  const created: Alert[] = [];
  for (const item of items) {
    const { severity, score, priority } = rankHits(item.matches, item.ruleHits);
    const values = {
      severity,
      score,
      priority,
      subject: { ...item.subject },
      matches: item.matches,
      ruleHits: item.ruleHits,
      cleared: item.cleared ?? [],
      context: item.context,
      evidence: item.evidence ? { ...item.evidence } : null,
      travellerId: item.travellerId ?? null,
      manifestId: item.manifestId ?? null,
      updatedAt: now,
    };
    const [row] = await db
      .insert(alerts)
      .values({
        id: newId("alr"),
        kind: item.kind,
        occasionKey: item.occasionKey,
        status: "open",
        createdAt: now,
        ...values,
      })
      .onConflictDoNothing()
      .returning();
    if (row) {
      created.push(toAlert(row));
      continue;
    }
    const existing = and(eq(alerts.kind, item.kind), eq(alerts.occasionKey, item.occasionKey));
    const [refreshed] = await db
      .update(alerts)
      .set(values)
      .where(and(existing, eq(alerts.status, "open")))
      .returning();
    const [kept] = refreshed ? [refreshed] : await db.select().from(alerts).where(existing);
    if (kept) created.push(toAlert(kept));
  }
  return created;
}

/** The queue: open first by default, highest priority first, then oldest. */
export async function listAlerts(db: DbOrTx, filter: AlertFilter = {}): Promise<Alert[]> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(alerts.status, filter.status));
  if (filter.kind) conditions.push(eq(alerts.kind, filter.kind));
  if (filter.agency)
    conditions.push(sql`coalesce(${alerts.context} ->> 'agency', ${LOCAL_AGENCY}) = ${filter.agency}`);
  const rows = await db
    .select()
    .from(alerts)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(alerts.priority), asc(alerts.createdAt), asc(alerts.id))
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0);
  return rows.map(toAlert);
}

export async function findAlert(db: DbOrTx, id: string): Promise<AlertWithHistory | undefined> {
  const [row] = await db.select().from(alerts).where(eq(alerts.id, id));
  if (!row) return undefined;
  const history = await db
    .select()
    .from(alertDecisions)
    .where(eq(alertDecisions.alertId, id))
    .orderBy(asc(alertDecisions.seq));
  return { ...toAlert(row), history: history.map(toDecision) };
}

/** Whose alert this is: the agency whose screening raised it (the local agency when none is recorded). */
export function alertAgency(alert: Alert): string {
  const agency = alert.context.agency;
  return typeof agency === "string" ? agency : LOCAL_AGENCY;
}

export async function getAlert(db: DbOrTx, id: string): Promise<AlertWithHistory> {
  const alert = await findAlert(db, id);
  if (!alert) throw notFound(`no alert ${id}`);
  return alert;
}
