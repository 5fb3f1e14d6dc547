/**
 * API keys: `ftfx_<key id>_<secret>`, shown once; only a salted scrypt hash is stored, as a self-describing
 * string so the cost parameters can be raised later without breaking stored keys.
 */
import { randomBytes } from "node:crypto";
import { readScryptHash, type ScryptCost, scryptHash, scryptMatches } from "./scrypt-hash.ts";

export interface NewApiKey {
  /** The key's id, `key_<hex>`, also embedded in the key so a presented key finds its stored hash. */
  id: string;
  /** The secret key, shown to its owner once and never stored. */
  key: string;
  /** What the store keeps: `scrypt$N=…,r=…,p=…$<salt>$<hash>` (base64url). */
  hash: string;
}

const KEY_PATTERN = /^ftfx_([0-9a-f]{20})_([A-Za-z0-9_-]{43})$/;
/** A key holds 256 random bits, so no cost makes guessing it easier or harder; a low one keeps checks cheap. */
const COST: ScryptCost = { N: 16384, r: 8, p: 1 };

export async function generateApiKey(): Promise<NewApiKey> {
  const idHex = randomBytes(10).toString("hex");
  const key = `ftfx_${idHex}_${randomBytes(32).toString("base64url")}`;
  return { id: `key_${idHex}`, key, hash: await scryptHash(key, COST) };
}

/** The key id a presented key claims, or null when it is not an ftfx key at all. */
export function apiKeyId(key: string): string | null {
  const match = KEY_PATTERN.exec(key);
  return match ? `key_${match[1]}` : null;
}

/** True when `key` hashes to `stored`; the comparison takes the same time wherever the bytes differ. */
export async function verifyApiKey(key: string, stored: string): Promise<boolean> {
  const hash = readScryptHash(stored, "API key");
  return KEY_PATTERN.test(key) && scryptMatches(key, hash);
}
