/** Shapes the console reads from the HTTP API (see /api/docs for the server's schemas). */
export const ROLES = ["admin", "contributor", "screener", "analyst", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export interface Me {
  /** How the session was opened: a person's password, or an API key. */
  method: "password" | "key";
  keyId?: string;
  username?: string;
  userId: string;
  agencyId: string;
  agencyName?: string;
  country?: string;
  roles: Role[];
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export interface RegistryEntity {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  originator: string;
  datasets: string[];
  handling: string;
  status: string;
  listRef?: string;
  firstSeen?: string;
  lastSeen?: string;
  reviewBy?: string;
  retainUntil?: string;
  version: number;
}

export interface Evidence {
  feature: string;
  weight: number;
  detail: string;
}

/** One match as the sharing policy lets the caller see it: hit-no-hit answers carry no personal data. */
export interface MatchView {
  entityId?: string;
  caption?: string;
  score?: number;
  alert?: boolean;
  explanation?: Evidence[];
  hit?: boolean;
  reference?: string;
  originator?: string;
  contact?: string;
  disclosure?: string;
  properties?: Record<string, string[]>;
  handling?: string;
  [key: string]: unknown;
}

export interface RuleHit {
  ruleId: string;
  severity: string;
  detail: string;
}

export const DEMO_DATASET = "demo-synthetic";

export interface AlertSubject {
  name: string;
  birthDate?: string;
  nationality?: string;
  documentNumber?: string;
}

export interface AlertDecision {
  id: string;
  decision: string;
  fromStatus: string;
  toStatus: string;
  reason: string;
  notSamePerson?: boolean;
  actor: string;
  at: string;
}

export interface Alert {
  id: string;
  kind: string;
  status: string;
  severity: string;
  score: number;
  priority: number;
  subject: AlertSubject;
  matches: MatchView[];
  ruleHits: RuleHit[];
  cleared?: { entityId: string; caption: string; score: number; clearedBy: string; clearedAt: string }[];
  context?: Record<string, unknown>;
  assignee?: string;
  createdAt: string;
  updatedAt?: string;
  history?: AlertDecision[];
}

/** Lists come as a bare array or as a page; the console reads both. */
export function itemsOf<T>(answer: T[] | { items: T[] } | undefined): T[] {
  if (!answer) return [];
  return Array.isArray(answer) ? answer : answer.items;
}
