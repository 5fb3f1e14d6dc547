/**
 * The tamper-evident audit log as a hash chain: each entry carries the SHA-256 of the one before, so a
 * changed, deleted or reordered row breaks the chain at that row. Pure; the store only appends and reads.
 */

import { badInput } from "../platform/errors.ts";
import { newId, sha256Hex } from "../platform/ids.ts";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface AuditEntry {
  id: string;
  /** 1, 2, 3, … with no gaps: the order the chain is verified in. */
  seq: number;
  /** The previous entry's hash; GENESIS_HASH for the first entry. */
  prevHash: string;
  hash: string;
  /** What happened: who, when, which purpose, what was read or decided. */
  body: JsonObject;
}

export type ChainVerdict = { ok: true; entries: number } | { ok: false; firstBrokenAt: string };

export const GENESIS_HASH = "0".repeat(64);

/** The next entry after `prev` (null for the first). The id and seq are hashed too, so neither can move. */
export function chainEntry(prev: AuditEntry | null, body: JsonObject, id: string = newId("aud")): AuditEntry {
  const seq = prev ? prev.seq + 1 : 1;
  const prevHash = prev ? prev.hash : GENESIS_HASH;
  return { id, seq, prevHash, hash: entryHash(prevHash, id, seq, body), body };
}

/**
 * Checks entries in seq order (as read with ORDER BY seq) and names the first that does not follow from
 * its predecessor. Deleting the newest entries leaves a valid shorter chain: catching that needs the
 * head's hash kept elsewhere.
 */
export function verifyChain(entries: readonly AuditEntry[]): ChainVerdict {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const entry of entries) {
    const intact =
      entry.seq === expectedSeq &&
      entry.prevHash === prevHash &&
      entry.hash === entryHash(prevHash, entry.id, entry.seq, entry.body);
    if (!intact) return { ok: false, firstBrokenAt: entry.id };
    prevHash = entry.hash;
    expectedSeq += 1;
  }
  return { ok: true, entries: entries.length };
}

function entryHash(prevHash: string, id: string, seq: number, body: JsonObject): string {
  return sha256Hex(prevHash + canonicalJson({ id, seq, body }));
}

/**
 * JSON with object keys sorted at every depth and no whitespace, so the same value always hashes the same,
 * also after a round trip through PostgreSQL jsonb (which reorders keys).
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw badInput(`${value} has no JSON form`, "audit entry body");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const fields = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`);
  return `{${fields.join(",")}}`;
}
