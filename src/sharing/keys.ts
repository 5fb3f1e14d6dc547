/**
 * API keys: `ftfx_<key id>_<secret>`, shown once; only a salted scrypt hash is stored, as a self-describing
 * string so the cost parameters can be raised later without breaking stored keys.
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { FtfxError } from "../platform/errors.ts";

export interface NewApiKey {
  /** The key's id, `key_<hex>`, also embedded in the key so a presented key finds its stored hash. */
  id: string;
  /** The secret key, shown to its owner once and never stored. */
  key: string;
  /** What the store keeps: `scrypt$N=…,r=…,p=…$<salt>$<hash>` (base64url). */
  hash: string;
}

const KEY_PATTERN = /^ftfx_([0-9a-f]{20})_([A-Za-z0-9_-]{43})$/;
const STORED_PATTERN = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;
interface Cost {
  N: number;
  r: number;
  p: number;
}

const COST: Cost = { N: 16384, r: 8, p: 1 };
const HASH_BYTES = 32;
/** Bounds for parameters read back from the store, so a corrupted row cannot ask for gigabytes. */
const MAX_N = 2 ** 20;

export async function generateApiKey(): Promise<NewApiKey> {
  const idHex = randomBytes(10).toString("hex");
  const key = `ftfx_${idHex}_${randomBytes(32).toString("base64url")}`;
  const salt = randomBytes(16);
  const derived = await derive(key, salt, COST);
  const hash = `scrypt$N=${COST.N},r=${COST.r},p=${COST.p}$${salt.toString("base64url")}$${derived.toString("base64url")}`;
  return { id: `key_${idHex}`, key, hash };
}

/** The key id a presented key claims, or null when it is not an ftfx key at all. */
export function apiKeyId(key: string): string | null {
  const match = KEY_PATTERN.exec(key);
  return match ? `key_${match[1]}` : null;
}

/** True when `key` hashes to `stored`; the comparison takes the same time wherever the bytes differ. */
export async function verifyApiKey(key: string, stored: string): Promise<boolean> {
  const match = STORED_PATTERN.exec(stored);
  const [N, r, p] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  if (!match || N > MAX_N || r > 32 || p > 16 || N < 2 || (N & (N - 1)) !== 0) {
    throw new FtfxError("internal", "stored API key hash is malformed");
  }
  const expected = Buffer.from(match[5] ?? "", "base64url");
  if (!KEY_PATTERN.test(key)) return false;
  const derived = await derive(key, Buffer.from(match[4] ?? "", "base64url"), { N, r, p }, expected.length);
  return timingSafeEqual(derived, expected);
}

/** Async scrypt runs on libuv's thread pool, so a server keeps answering while keys are checked. */
function derive(key: string, salt: Buffer, cost: Cost, length = HASH_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(key, salt, length, { ...cost, maxmem: 256 * cost.N * cost.r }, (error, derived) =>
      error ? reject(error) : resolve(derived),
    );
  });
}
