/**
 * Redress memory: when an officer dismisses an alert as "not the same person", the evidence (normalised
 * name, birth date, documents) is kept as a fingerprint together with the matched record's content hash.
 * The same evidence against the same, unchanged record is then "cleared before" instead of alerted; a new
 * document, another birth date or an updated record makes a new fingerprint or hash, and alerts again.
 */
import { and, eq, inArray } from "drizzle-orm";
import { transliterate } from "../matching/transliterate.ts";
import type { DbOrTx } from "../platform/db.ts";
import { sha256Hex } from "../platform/ids.ts";
import { redressClearances } from "./schema.ts";
import type { ClearedMatch } from "./types.ts";

export interface TravellerEvidence {
  name: string;
  birthDate?: string;
  documentNumbers: readonly string[];
}

export function normaliseDocumentNumber(value: string): string {
  return value.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

/** Word order, case, accents and punctuation do not change the fingerprint; any other change does. */
export function evidenceFingerprint(evidence: TravellerEvidence): string {
  const name = transliterate(evidence.name)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .sort()
    .join(" ");
  const documents = [
    ...new Set(evidence.documentNumbers.map(normaliseDocumentNumber).filter(Boolean)),
  ].sort();
  return sha256Hex(["v1", name, evidence.birthDate ?? "", documents.join(",")].join("\n"));
}

export interface Clearance {
  entityId: string;
  recordHash: string;
  actor: string;
  at: string;
}

/** The clearances that apply to this fingerprint for these records at these content hashes, by entity id. */
export async function findClearances(
  db: DbOrTx,
  fingerprint: string,
  records: Readonly<Record<string, string>>,
): Promise<Map<string, Clearance>> {
  const ids = Object.keys(records);
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(redressClearances)
    .where(and(eq(redressClearances.fingerprint, fingerprint), inArray(redressClearances.entityId, ids)));
  const found = new Map<string, Clearance>();
  for (const row of rows) {
    if (records[row.entityId] !== row.recordHash) continue;
    found.set(row.entityId, {
      entityId: row.entityId,
      recordHash: row.recordHash,
      actor: row.actor,
      at: new Date(row.at).toISOString(),
    });
  }
  return found;
}

export function clearedMatch(
  match: { entityId: string; caption: string; score: number },
  clearance: Clearance,
): ClearedMatch {
  return {
    entityId: match.entityId,
    caption: match.caption,
    score: match.score,
    clearedBy: clearance.actor,
    clearedAt: clearance.at,
  };
}
